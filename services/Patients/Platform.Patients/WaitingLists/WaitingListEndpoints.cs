using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.Audit;
using Platform.Patients.Registry;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.WaitingLists;

public static class WaitingListEndpoints
{
    public static IEndpointRouteBuilder MapWaitingLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Waiting lists");
        group.MapPost("/{id:guid}/waiting-lists", EnrolAsync)
            .WithName("EnrolPatient").WithSummary("Enrol a patient on a territory's or a site's waiting list")
            .RequireAuthorization(PlatformPolicies.PatientsWrite)
            .RequirePatientInScope();
        group.MapPost("/{id:guid}/waiting-lists/{entryId:guid}/leave", LeaveAsync)
            .WithName("LeaveWaitingList").WithSummary("Record that a patient left a waiting list, and why")
            .RequireAuthorization(PlatformPolicies.PatientsWrite)
            .RequirePatientInScope();
        group.MapGet("/waiting-lists/{scope}/{key}", ListAsync)
            .WithName("ListWaitingList")
            .WithSummary("A waiting list in priority order, each entry with its score and the components of the score (audited)")
            .RequireAuthorization(PlatformPolicies.PatientsRead);
        return app;
    }

    internal static async Task<Results<Created<WaitingListEntryResponse>, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        Guid id, EnrolRequest request, PatientsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (request.Scope is null || request.Key is null)
        {
            // Both named at once when both are missing.
            var missing = new Dictionary<string, string[]>();
            if (request.Scope is null)
            {
                missing["scope"] = ["Required: territory or site."];
            }

            if (request.Key is null)
            {
                missing["key"] = ["Required: the territory's key, or the site's id."];
            }

            return TypedResults.ValidationProblem(missing);
        }

        if (!WaitingListId.TryCreate(request.Scope, request.Key, out var list, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [request.Scope is WaitingListId.Territory or WaitingListId.Site ? "key" : "scope"] = [error!] });
        }

        if (!await db.MayUseListAsync(PartnerScope.Of(http.User), list, ct))
        {
            return ScopeProblems.Outside("key", "This waiting list is outside your scope.");
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return RegistryEndpoints.NotFound(id);
        }

        if (patient.HasReferringGp)
        {
            return TypedResults.Problem(statusCode: 409, title: "This patient already has a referring GP.");
        }

        var listId = list.ToString();
        if (await db.WaitingListEntries.FirstOrDefaultAsync(e => e.PatientId == id && e.ListId == listId && e.LeftAt == null, ct) is { } active)
        {
            return AlreadyEnrolled(active.Id);
        }

        var now = time.GetUtcNow();
        var entry = db.Enrol(id, patient.CommuneCode, listId, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.WaitingListEntries.Where(e => e.PatientId == id && e.ListId == listId && e.LeftAt == null).Select(e => e.Id).SingleAsync(ct);
            return AlreadyEnrolled(existing);
        }

        return TypedResults.Created($"/api/patients/{id}/waiting-lists/{entry.Id}", ToResponse(entry));
    }

    internal static async Task<Results<Ok<WaitingListEntryResponse>, ValidationProblem, ProblemHttpResult>> LeaveAsync(
        Guid id, Guid entryId, LeaveRequest request, PatientsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.Reason is not { } reason)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = RequestValidation.RequiredOneOf<LeaveReason>() });
        }

        var entry = await db.WaitingListEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.PatientId == id, ct);
        if (entry is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "This patient has no such waiting-list entry.");
        }

        if (entry.LeftAt is not null)
        {
            return TypedResults.Problem(statusCode: 409, title: $"The patient already left this list ({entry.LeaveReason}).");
        }

        var commune = await db.Patients.Where(p => p.Id == id).Select(p => p.CommuneCode).SingleAsync(ct);
        db.LeaveWaitingList(entry, reason, commune, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(entry));
    }

    /// <summary>Marks an entry left and announces it (the caller saves).</summary>
    internal static void LeaveWaitingList(this PatientsDbContext db, WaitingListEntry entry, LeaveReason reason, string communeCode, DateTimeOffset now)
    {
        entry.Leave(reason, now);
        db.AddIntegrationEvent(new PatientLeftWaitingList(entry.PatientId, entry.Id, entry.ListId, communeCode, reason.ToString(), entry.DaysWaited(now), now));
    }

    internal static async Task<Results<Ok<RankedWaitingList>, ValidationProblem>> ListAsync(
        string scope, string key, PatientsDbContext db, IOptionsSnapshot<PriorityWeights> weights, TimeProvider time, HttpContext http,
        CancellationToken ct, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (!WaitingListId.TryCreate(scope, key, out var list, out var error))
        {
            errors[scope is WaitingListId.Territory or WaitingListId.Site ? "key" : "scope"] = [error!];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var w = weights.Value;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var listId = list.ToString();
        // Only the patients of the caller's scope: a list shows (and counts) what the caller may see of it.
        var visible = db.Patients.VisibleTo(db, http.User);
        var active = db.WaitingListEntries.AsNoTracking().Where(e => e.ListId == listId && e.LeftAt == null && visible.Any(p => p.Id == e.PatientId));
        // The birth date is enciphered at rest, and the age criterion counts from the 70th birthday: the list is
        // ranked here, after the identities are opened (a few milliseconds for thousands of entries), then paged.
        var entries = await (
                from e in active
                join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
                select new { Entry = e, Patient = p })
            .ToListAsync(ct);
        var total = entries.Count;
        var ranked = entries
            .Select(r => (r.Entry, r.Patient, Days: r.Entry.DaysWaited(now)))
            .Select(r => (r.Entry, r.Patient, r.Days, Score: Priority.Compute(w, r.Patient.HasAld, r.Patient.BirthDate, r.Patient.Precarity, r.Patient.Isolation, r.Days, today)))
            .OrderByDescending(r => r.Score.Score).ThenBy(r => r.Entry.EnrolledAt).ThenBy(r => r.Entry.Id)
            .Skip((page - 1) * pageSize).Take(pageSize);

        var showIdentity = http.User.Allows(PlatformPolicies.PatientIdentity); // funders and analysts see the ranking without names
        var items = ranked.Select((r, i) => new RankedPatient((page - 1) * pageSize + i + 1, r.Entry.Id, r.Entry.PatientId,
                showIdentity ? r.Patient.FirstName : null, showIdentity ? r.Patient.LastName : null, r.Patient.CommuneCode,
                r.Entry.EnrolledAt, r.Days, r.Score.Score, r.Score.Components))
            .ToList();
        db.Record(http, "waiting-list", items.Where(i => i.LastName is not null).Select(i => i.PatientId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RankedWaitingList(listId, w, items, page, pageSize, total));
    }

    private static WaitingListEntryResponse ToResponse(WaitingListEntry e) => new(e.Id, e.PatientId, e.ListId, e.EnrolledAt, e.LeftAt, e.LeaveReason);

    private static ProblemHttpResult AlreadyEnrolled(Guid entryId) => TypedResults.Problem(
        statusCode: 409, title: "The patient is already on this waiting list.",
        extensions: new Dictionary<string, object?> { ["existingEntryId"] = entryId });
}
