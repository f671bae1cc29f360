using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.MissionsDirectory;
using Platform.Patients.Registry;
using Platform.Patients.WaitingLists;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.Referents;

public static class ReferentEndpoints
{
    public static IEndpointRouteBuilder MapReferents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients/{id:guid}").WithTags("Referents").RequirePatientInScope();
        group.MapPost("/referent", AssignAsync)
            .WithName("AssignReferent")
            .WithSummary("Give the patient a médecin traitant (a practitioner by RPPS, or a centre); they leave every waiting list")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        group.MapGet("/referents", HistoryAsync).WithName("ReferentHistory").WithSummary("The patient's referents, newest first")
            .RequireAuthorization(PlatformPolicies.PatientIdentity);
        return app;
    }

    internal static async Task<Results<Ok<ReferentResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignReferentRequest request, PatientsDbContext db, MissionsReferences missions, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        switch (request.Kind)
        {
            case null:
                errors["kind"] = ["Required: Practitioner or Centre."];
                break;
            case ReferentKind.Practitioner when !Rpps.IsValid(request.Rpps):
                errors["rpps"] = [Rpps.Rule];
                break;
            case ReferentKind.Centre when request.SiteId is null || request.SiteId == Guid.Empty:
                errors["siteId"] = ["Required for a centre: the site's id in the Missions service."];
                break;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The referent cannot be assigned as given.");
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return RegistryEndpoints.NotFound(id);
        }

        // The referent must exist in the Missions service (gRPC).
        string displayName;
        try
        {
            if (request.Kind == ReferentKind.Practitioner)
            {
                if (await missions.PractitionerAsync(request.Rpps!, ct) is not { } found)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rpps"] = [MissionsReferences.UnknownPractitioner] });
                }

                displayName = $"Dr {found.FirstName} {found.LastName}";
            }
            else
            {
                if (await missions.SiteAsync(request.SiteId!.Value, ct) is not { } found)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = [MissionsReferences.UnknownSite] });
                }

                displayName = found.Name;
            }
        }
        catch (RpcException ex) when (MissionsReferences.IsUnreachable(ex))
        {
            return MissionsReferences.Unreachable("the referent");
        }

        var now = time.GetUtcNow();
        var current = await db.ReferentAssignments.Where(a => a.PatientId == id && a.EndedAt == null).ToListAsync(ct);
        current.ForEach(a => a.EndedAt = now);
        var assignment = new ReferentAssignment
        {
            Id = Guid.CreateVersion7(),
            PatientId = id,
            Kind = request.Kind!.Value,
            Rpps = request.Kind == ReferentKind.Practitioner ? request.Rpps : null,
            SiteId = request.Kind == ReferentKind.Centre ? request.SiteId : null,
            DisplayName = displayName,
            AssignedAt = now,
        };
        db.ReferentAssignments.Add(assignment);
        var firstReferent = !patient.HasReferringGp;
        patient.HasReferringGp = true;
        foreach (var entry in await db.WaitingListEntries.Where(e => e.PatientId == id && e.LeftAt == null).ToListAsync(ct))
        {
            db.LeaveWaitingList(entry, LeaveReason.GivenDoctor, patient.CommuneCode, now);
        }

        db.AddIntegrationEvent(new PatientAssignedReferent(id, patient.CommuneCode, assignment.Kind.ToString(), assignment.Rpps, assignment.SiteId, firstReferent, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReferentResponse.From(assignment));
    }

    internal static async Task<Results<Ok<List<ReferentResponse>>, ProblemHttpResult>> HistoryAsync(Guid id, PatientsDbContext db, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct))
        {
            return RegistryEndpoints.NotFound(id);
        }

        var history = await db.ReferentAssignments.AsNoTracking().Where(a => a.PatientId == id).OrderByDescending(a => a.AssignedAt).ToListAsync(ct);
        return TypedResults.Ok(history.ConvertAll(ReferentResponse.From));
    }
}
