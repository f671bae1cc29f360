using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Practitioners;

public static class PractitionerEndpoints
{
    public static IEndpointRouteBuilder MapPractitioners(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missions/practitioners").WithTags("Practitioners");
        group.MapPost("/", RegisterAsync).WithName("RegisterPractitioner").WithSummary("Register a volunteer practitioner (RPPS checked)")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        group.MapGet("/{rpps}", GetAsync).WithName("GetPractitioner").WithSummary("A practitioner by RPPS")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        return app;
    }

    internal static async Task<Results<Created<PractitionerResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterPractitionerRequest request, MissionsDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Rpps.IsValid(request.Rpps))
        {
            errors["rpps"] = [Rpps.Rule];
        }

        foreach (var (field, value) in new[] { ("firstName", request.FirstName), ("lastName", request.LastName) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100)
            {
                errors[field] = ["Required, at most 100 characters."];
            }
        }

        if (request.Status is null)
        {
            errors["status"] = RequestValidation.RequiredOneOf<PractitionerStatus>();
        }

        if (InseeCode.Problem(request.HomeCommuneCode) is { } communeProblem)
        {
            errors["homeCommuneCode"] = [communeProblem];
        }

        RequestValidation.ContactErrors(request.Email, request.Phone, errors);

        var windows = request.Availability ?? [];
        if (windows.Count > 100)
        {
            errors["availability"] = ["At most 100 windows."];
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i] is { From: var from, To: var to } && (from == default || to == default))
            {
                // A date left out reads as 0001-01-01: missing, not a window open since the year 1.
                if (from == default)
                {
                    errors[$"availability[{i}].from"] = ["Required (YYYY-MM-DD)."];
                }

                if (to == default)
                {
                    errors[$"availability[{i}].to"] = ["Required (YYYY-MM-DD)."];
                }
            }
            else if (windows[i] is null || windows[i].To < windows[i].From)
            {
                errors[$"availability[{i}].to"] = ["A window ends on or after the day it starts."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The practitioner cannot be registered as given.");
        }

        var practitioner = new Practitioner
        {
            Id = Guid.CreateVersion7(),
            Rpps = request.Rpps!,
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            Status = request.Status!.Value,
            HomeCommuneCode = request.HomeCommuneCode!,
            Email = request.Email?.Trim(),
            Phone = request.Phone?.Trim(),
            Availability = [.. windows.OrderBy(w => w.From)],
        };
        db.Practitioners.Add(practitioner);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.Practitioners.Where(p => p.Rpps == practitioner.Rpps).Select(p => p.Id).SingleAsync(ct);
            return TypedResults.Problem(statusCode: 409, title: "A practitioner with this RPPS is already registered.",
                extensions: new Dictionary<string, object?> { ["existingId"] = existing });
        }

        return TypedResults.Created($"/api/missions/practitioners/{practitioner.Rpps}", PractitionerResponse.From(practitioner));
    }

    internal static async Task<Results<Ok<PractitionerResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string rpps, MissionsDbContext db, CancellationToken ct)
    {
        if (!Rpps.IsValid(rpps))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rpps"] = [Rpps.Rule] });
        }

        return await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Rpps == rpps, ct) is { } practitioner
            ? TypedResults.Ok(PractitionerResponse.From(practitioner))
            : TypedResults.Problem(statusCode: 404, title: "No practitioner has this RPPS.");
    }
}
