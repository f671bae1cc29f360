using Platform.Patients.Registry;

namespace Platform.Patients.Access;

/// <summary>
/// On a route about one patient (<c>{id}</c>): a patient outside the caller's scope answers 404, as if it did not exist,
/// before the handler runs. Declared per route with <see cref="PatientInScopeExtensions.RequirePatientInScope{TBuilder}"/>.
/// </summary>
public sealed class PatientInScopeFilter(PatientsDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var id)
            && !await db.CanSeeAsync(http.User, id, http.RequestAborted))
        {
            return RegistryEndpoints.NotFound(id);
        }

        return await next(context);
    }
}
