using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Patients;
using Platform.Coordination.Territory;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Telemedicine;

public static partial class TelemedicineEndpoints
{
    [GeneratedRegex("^P-[0-9A-F]{32}$")]
    private static partial Regex PseudonymPattern();

    public static IEndpointRouteBuilder MapTelemedicine(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/coordination/places").WithTags("Telemedicine");
        places.MapPost("/", CreatePlaceAsync).WithName("CreatePlace").WithSummary("A partner place (pharmacy, town hall, France Services) and whether it hosts a cabin")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        places.MapGet("/", ListPlacesAsync).WithName("ListPlaces").WithSummary("Partner places; ?cabin=true for those with a telemedicine cabin")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        var sessions = app.MapGroup("/api/coordination/telemedicine").WithTags("Telemedicine");
        sessions.MapPost("/sessions", CreateSessionAsync).WithName("RecordTeleconsultation")
            .WithSummary("An assisted teleconsultation: cabin, date, assisting nurse, patient pseudonym")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        sessions.MapGet("/sessions", ListSessionsAsync).WithName("ListTeleconsultations").WithSummary("Sessions by place and period (latest first, at most 500)")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        sessions.MapGet("/activity", ActivityAsync).WithName("CabinActivity")
            .WithSummary("Per cabin: sessions, distinct patients and nurses in a period (default: the last 90 days)")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        return app;
    }

    internal static async Task<Results<Created<PlaceResponse>, ValidationProblem, ProblemHttpResult>> CreatePlaceAsync(
        PlaceRequest request, CoordinationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        if (request.Kind is null)
        {
            errors["kind"] = RequestValidation.RequiredOneOf<PlaceKind>();
        }

        if (InseeCode.Problem(request.CommuneCode) is { } communeProblem)
        {
            errors["communeCode"] = [communeProblem];
        }
        else if (!await db.Communes.AnyAsync(c => c.Code == request.CommuneCode, ct))
        {
            errors["communeCode"] = ["This commune is not in any CPTS's territory."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The place cannot be recorded as given.");
        }

        var place = new PartnerPlace
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Kind = request.Kind!.Value,
            CommuneCode = request.CommuneCode!,
            HasCabin = request.HasCabin ?? false,
            CreatedAt = time.GetUtcNow(),
        };
        db.Places.Add(place);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            var existing = await db.Places.AsNoTracking().Where(p => p.CommuneCode == place.CommuneCode && p.Name == place.Name).Select(p => p.Id).FirstAsync(ct);
            return TypedResults.Problem(statusCode: 409, title: "A place with this name exists in this commune.",
                extensions: new Dictionary<string, object?> { ["field"] = "name", ["existingId"] = existing });
        }

        return TypedResults.Created($"/api/coordination/places/{place.Id}", ToResponse(place));
    }

    internal static async Task<Ok<List<PlaceResponse>>> ListPlacesAsync(CoordinationDbContext db, CancellationToken ct, [InseeCommune] string? commune = null, bool? cabin = null)
    {
        var places = await db.Places.AsNoTracking().Where(p => (commune == null || p.CommuneCode == commune) && (cabin == null || p.HasCabin == cabin))
            .OrderBy(p => p.CommuneCode).ThenBy(p => p.Name).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(places.ConvertAll(ToResponse));
    }

    internal static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> CreateSessionAsync(
        SessionRequest request, CoordinationDbContext db, PatientStatistics.PatientStatisticsClient patients, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PlaceId is null)
        {
            errors["placeId"] = ["Required."];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.Date is not { } date || date > today.AddDays(1) || date.Year < 2000)
        {
            errors["date"] = ["Required: the day of the session (YYYY-MM-DD), not in the future."];
        }

        if (request.AssistingNurseId is null)
        {
            errors["assistingNurseId"] = ["Required: the member (a nurse) who assisted."];
        }

        if (request.PatientPseudonym is null || !PseudonymPattern().IsMatch(request.PatientPseudonym))
        {
            errors["patientPseudonym"] = ["Required: the patient's pseudonym from the Patients service (P- and 32 hexadecimal digits, GET /api/patients/{id}/pseudonym), never a name or a NIR."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The session cannot be recorded as given.");
        }

        var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PlaceId, ct);
        if (place is not { HasCabin: true })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["placeId"] = [place is null ? "No place has this id." : "This place has no telemedicine cabin."] });
        }

        try
        {
            // Verified, not typed: Patients says whether it issued this pseudonym, for a patient that exists.
            if (!(await patients.VerifyPseudonymAsync(new VerifyPseudonymRequest { Pseudonym = request.PatientPseudonym }, cancellationToken: ct)).Issued)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["patientPseudonym"] = ["Not a pseudonym the Patients service issued."] },
                    title: "The session cannot be recorded as given.");
            }
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return TypedResults.Problem(statusCode: 503, title: "The Patients service cannot be reached to verify the pseudonym; nothing was written, try again.");
        }

        var nurse = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.AssistingNurseId, ct);
        if (nurse is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["assistingNurseId"] = ["No member has this id."] });
        }

        if (nurse.Profession != Profession.Nurse)
        {
            return TypedResults.Problem(statusCode: 409, title: $"An assisted teleconsultation is assisted by a nurse; this member is a {nurse.Profession}.",
                extensions: new Dictionary<string, object?> { ["field"] = "assistingNurseId" });
        }

        var session = new TeleconsultationSession
        {
            Id = Guid.CreateVersion7(),
            PlaceId = place.Id,
            Date = request.Date!.Value,
            AssistingNurseId = nurse.Id,
            PatientPseudonym = request.PatientPseudonym!,
            CreatedAt = time.GetUtcNow(),
        };
        db.Teleconsultations.Add(session);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/coordination/telemedicine/sessions/{session.Id}", ToResponse(session));
    }

    internal static async Task<Ok<List<SessionResponse>>> ListSessionsAsync(CoordinationDbContext db, CancellationToken ct,
        Guid? place = null, DateOnly? from = null, DateOnly? to = null)
    {
        var sessions = await db.Teleconsultations.AsNoTracking()
            .Where(s => (place == null || s.PlaceId == place) && (from == null || s.Date >= from) && (to == null || s.Date <= to))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(sessions.ConvertAll(ToResponse));
    }

    internal static async Task<Results<Ok<List<CabinActivity>>, ValidationProblem>> ActivityAsync(CoordinationDbContext db, TimeProvider time, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null)
    {
        var end = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = from ?? end.AddDays(-90);
        if (start > end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The end of the period comes before its start."] });
        }

        var sessions = await db.Teleconsultations.AsNoTracking().Where(s => s.Date >= start && s.Date <= end)
            .Select(s => new { s.PlaceId, s.Date, s.PatientPseudonym, s.AssistingNurseId }).ToListAsync(ct);
        var places = await db.Places.AsNoTracking().Where(p => p.HasCabin).ToListAsync(ct);
        var activity = places.Select(p =>
        {
            var here = sessions.Where(s => s.PlaceId == p.Id).ToList();
            return new CabinActivity(p.Id, p.Name, p.Kind, p.CommuneCode, here.Count, here.Select(s => s.PatientPseudonym).Distinct().Count(),
                here.Select(s => s.AssistingNurseId).Distinct().Count(), here.Count == 0 ? null : here.Max(s => s.Date));
        }).OrderByDescending(a => a.Sessions).ThenBy(a => a.Name).ToList();
        return TypedResults.Ok(activity);
    }

    private static PlaceResponse ToResponse(PartnerPlace p) => new(p.Id, p.Name, p.Kind, p.CommuneCode, p.HasCabin);

    private static SessionResponse ToResponse(TeleconsultationSession s) => new(s.Id, s.PlaceId, s.Date, s.AssistingNurseId, s.PatientPseudonym);
}
