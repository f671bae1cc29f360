using Platform.Patients.Access;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.Statistics;

public static class PseudonymEndpoints
{
    /// <summary>A patient's pseudonym, for the fields of other services that take one (a telemedicine session...).</summary>
    public static IEndpointRouteBuilder MapPseudonyms(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patients/{id:guid}/pseudonym", (Guid id, Pseudonyms pseudonyms) => TypedResults.Ok(new PseudonymResponse(id, pseudonyms.For(id))))
            .WithTags("Registry")
            .WithName("GetPatientPseudonym")
            .WithSummary("The patient's pseudonym (P- and 32 hex digits), what other services take instead of an identity")
            .RequireAuthorization(PlatformPolicies.PatientIdentity)
            .RequirePatientInScope();
        return app;
    }
}
