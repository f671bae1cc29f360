using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Patients.Access;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.Audit;

public static class AccessAudit
{
    /// <summary>Adds audit entries for the patients whose identity this request shows; saved with the request's changes.</summary>
    public static void Record(this PatientsDbContext db, HttpContext context, string action, params IEnumerable<Guid> patientIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        var (partner, role) = (context.User.Partner(), context.User.Role()); // as the platform identity says
        var route = $"{context.Request.Method} {context.Request.Path}";
        var now = DateTimeOffset.UtcNow;
        foreach (var id in patientIds)
        {
            db.AuditEntries.Add(new AuditEntry { PatientId = id, Partner = partner, Role = role, Action = action, Route = route, At = now });
        }
    }

    public static IEndpointRouteBuilder MapAccessAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patients/{id:guid}/audit", ListAsync)
            .WithTags("Audit")
            .WithName("GetPatientAudit")
            .WithSummary("Who read this patient's identity, when, and through which route (newest first)")
            .RequireAuthorization(PlatformPolicies.AccessAudit)
            .RequirePatientInScope();
        return app;
    }

    internal static async Task<Results<Ok<List<AuditEntryResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, PatientsDbContext db, HttpContext http, CancellationToken ct, int limit = 100)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "No patient has this id.");
        }

        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.PatientId == id)
            .OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000))
            .Select(a => new AuditEntryResponse(a.Partner, a.Role, a.Action, a.Route, a.At))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }
}
