using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.MissionsDirectory;
using Platform.Patients.Registry;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.Consultations;

public static class ConsultationEndpoints
{
    public const int MaxOrientations = 10;

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients/{id:guid}/consultations").WithTags("Consultations").RequirePatientInScope();
        group.MapPost("/", RecordAsync)
            .WithName("RecordConsultation")
            .WithSummary("Record a consultation and its orientations; publishes ConsultationRecorded and PatientOrientated")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        group.MapGet("/", ListAsync).WithName("ListConsultations").WithSummary("The patient's consultations, newest first")
            .RequireAuthorization(PlatformPolicies.PatientIdentity);
        return app;
    }

    public static Dictionary<string, string[]> Validate(RecordConsultationRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Date is not { } date)
        {
            errors["date"] = ["Required (YYYY-MM-DD)."];
        }
        else if (date > today || date < today.AddYears(-5))
        {
            errors["date"] = ["A consultation is recorded for a day in the past five years, not in the future."];
        }

        if (request.SiteId is null || request.SiteId == Guid.Empty)
        {
            errors["siteId"] = ["Required: the site's id in the Missions service."];
        }

        if (!Rpps.IsValid(request.PractitionerRpps))
        {
            errors["practitionerRpps"] = [Rpps.Rule];
        }

        if (request.Kind is null)
        {
            errors["kind"] = RequestValidation.RequiredOneOf<ConsultationKind>();
        }

        var orientations = request.Orientations ?? [];
        if (orientations.Count > MaxOrientations)
        {
            errors["orientations"] = [$"At most {MaxOrientations} orientations per consultation."];
        }

        for (var i = 0; i < orientations.Count; i++)
        {
            if (orientations[i] is null || orientations[i].Kind is null)
            {
                errors[$"orientations[{i}].kind"] = RequestValidation.RequiredOneOf<OrientationKind>();
            }
            else if (orientations[i].Note is { Length: > 500 })
            {
                errors[$"orientations[{i}].note"] = ["At most 500 characters."];
            }
        }

        return errors;
    }

    internal static async Task<Results<Created<ConsultationResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, RecordConsultationRequest request, PatientsDbContext db, MissionsReferences missions, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = Validate(request, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The consultation cannot be recorded as given.");
        }

        // A practitioner records their own consultations, a centre those held at its site.
        var scope = PartnerScope.Of(http.User);
        if (scope.Kind == ScopeKind.Practitioner && request.PractitionerRpps != scope.Rpps)
        {
            return ScopeProblems.Outside("practitionerRpps", "A practitioner records their own consultations only.");
        }

        if (scope.Kind == ScopeKind.Site && request.SiteId != scope.Site)
        {
            return ScopeProblems.Outside("siteId", "A centre records the consultations held at its own site only.");
        }

        var commune = await db.Patients.Where(p => p.Id == id).Select(p => p.CommuneCode).FirstOrDefaultAsync(ct);
        if (commune is null)
        {
            return RegistryEndpoints.NotFound(id);
        }

        try
        {
            var unknown = new Dictionary<string, string[]>();
            if (await missions.SiteAsync(request.SiteId!.Value, ct) is null)
            {
                unknown["siteId"] = [MissionsReferences.UnknownSite];
            }

            if (await missions.PractitionerAsync(request.PractitionerRpps!, ct) is null)
            {
                unknown["practitionerRpps"] = [MissionsReferences.UnknownPractitioner];
            }

            if (unknown.Count > 0)
            {
                return TypedResults.ValidationProblem(unknown, title: "The consultation names a site or a practitioner the platform does not know.");
            }
        }
        catch (RpcException ex) when (MissionsReferences.IsUnreachable(ex))
        {
            return MissionsReferences.Unreachable("the site and the practitioner");
        }

        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(),
            PatientId = id,
            Date = request.Date!.Value,
            SiteId = request.SiteId!.Value,
            PractitionerRpps = request.PractitionerRpps!,
            Kind = request.Kind!.Value,
            RecordedAt = now,
        };
        foreach (var o in request.Orientations ?? [])
        {
            consultation.Orientations.Add(new Orientation { Id = Guid.CreateVersion7(), ConsultationId = consultation.Id, Kind = o.Kind!.Value, Note = o.Note });
        }

        db.Consultations.Add(consultation);
        db.AddIntegrationEvent(new ConsultationRecorded(consultation.Id, id, commune, consultation.SiteId, consultation.PractitionerRpps, consultation.Kind.ToString(), consultation.Date));
        foreach (var o in consultation.Orientations)
        {
            db.AddIntegrationEvent(new PatientOrientated(o.Id, consultation.Id, id, commune, o.Kind.ToString(), o.Note, consultation.Date));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}/consultations/{consultation.Id}", ConsultationResponse.From(consultation));
    }

    internal static async Task<Results<Ok<List<ConsultationResponse>>, ProblemHttpResult>> ListAsync(Guid id, PatientsDbContext db, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct))
        {
            return RegistryEndpoints.NotFound(id);
        }

        var consultations = await db.Consultations.AsNoTracking().Include(c => c.Orientations)
            .Where(c => c.PatientId == id).OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        return TypedResults.Ok(consultations.ConvertAll(ConsultationResponse.From));
    }
}
