using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Scheduling;

/// <summary>
/// Missions and their rules: a practitioner is never in two places at once; a site-week holds at most its lines of
/// rotations; a rotation runs Monday to Saturday; solidarity days only in red-zone sites, at most 2 per practitioner
/// per calendar month. The checks and the insert run in one serializable transaction, so two requests cannot both
/// take the last place.
/// </summary>
public static class MissionEndpoints
{
    /// <summary>A serializable transaction lost to a concurrent one (PostgreSQL 40001): the caller may try again.</summary>
    internal static bool IsSerializationFailure(Exception ex) =>
        ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.SerializationFailure } }
            or PostgresException { SqlState: PostgresErrorCodes.SerializationFailure };

    public const int SolidarityDaysPerMonth = 2;

    public static IEndpointRouteBuilder MapMissions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missions/missions").WithTags("Missions");
        group.MapPost("/", ScheduleAsync).WithName("ScheduleMission").WithSummary("Propose a mission (rules checked)")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        group.MapGet("/", ListAsync).WithName("ListMissions").WithSummary("Missions of a practitioner (?rpps=) or a site (?siteId=)")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetMission").WithSummary("A mission, the moves it allows now, and every transition applied (who, when)")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        group.MapPost("/{id:guid}/{transition}", TransitionAsync)
            .WithName("MissionTransition")
            .WithSummary("confirm, start, complete (publishes MissionCompleted) or cancel, applied by the lifecycle saga")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        return app;
    }

    /// <summary>How far from today a mission may be scheduled or recorded, either way.</summary>
    public const int PlausibleYears = 5;

    internal static Dictionary<string, string[]> ValidateShape(ScheduleMissionRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null)
        {
            errors["kind"] = RequestValidation.RequiredOneOf<MissionKind>();
        }

        if (!Rpps.IsValid(r.PractitionerRpps))
        {
            errors["practitionerRpps"] = [Rpps.Rule];
        }

        if (r.SiteId is null || r.SiteId == Guid.Empty)
        {
            errors["siteId"] = ["Required."];
        }

        if (r.StartDate is null)
        {
            errors["startDate"] = ["Required (YYYY-MM-DD)."];
        }

        if (r.EndDate is null)
        {
            errors["endDate"] = ["Required (YYYY-MM-DD)."];
        }

        if (r.StartDate is not { } start || r.EndDate is not { } end)
        {
            return errors;
        }

        if (start < today.AddYears(-PlausibleYears) || start > today.AddYears(PlausibleYears))
        {
            errors["startDate"] = [$"A mission starts within {PlausibleYears} years of today, either way."];
        }
        else if (end < start)
        {
            errors["endDate"] = ["The mission ends before it starts."];
        }
        else if (r.Kind == MissionKind.WeeklyRotation && (start.DayOfWeek != DayOfWeek.Monday || end != start.AddDays(5)))
        {
            errors["startDate"] = ["A weekly rotation runs from a Monday to the Saturday after it."];
        }
        else if (r.Kind == MissionKind.SolidarityDays && (end.DayNumber - start.DayNumber + 1 > SolidarityDaysPerMonth || start.Month != end.Month))
        {
            errors["endDate"] = ["Solidarity days: 1 or 2 days within one month."];
        }
        else if (r.Kind == MissionKind.Salaried && end.DayNumber - start.DayNumber + 1 > 31)
        {
            errors["endDate"] = ["A salaried schedule is recorded month by month (31 days at most)."];
        }

        return errors;
    }

    internal static async Task<Results<Created<MissionResponse>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        ScheduleMissionRequest request, MissionsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = ValidateShape(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The mission cannot be scheduled as given.");
        }

        var (kind, rpps, siteId, start, end) = (request.Kind!.Value, request.PractitionerRpps!, request.SiteId!.Value, request.StartDate!.Value, request.EndDate!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        if (!await db.Practitioners.AnyAsync(p => p.Rpps == rpps, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["practitionerRpps"] = ["No practitioner with this RPPS is registered."] });
        }

        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = ["No site has this id."] });
        }

        var active = db.Missions.Where(m => m.State != MissionState.Cancelled);
        if (await active.AnyAsync(m => m.PractitionerRpps == rpps && m.StartDate <= end && m.EndDate >= start, ct))
        {
            return TypedResults.Problem(statusCode: 409, title: "The practitioner already has a mission on these days.");
        }

        if (kind == MissionKind.WeeklyRotation
            && await active.CountAsync(m => m.SiteId == siteId && m.Kind == MissionKind.WeeklyRotation && m.StartDate == start, ct) >= site.LinesPerWeek)
        {
            return TypedResults.Problem(statusCode: 409, title: $"This site-week is full ({site.LinesPerWeek} line(s)).");
        }

        if (kind == MissionKind.SolidarityDays)
        {
            if (!site.IsRedZone)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = ["Solidarity days are only for sites in a red zone."] });
            }

            var (monthStart, monthEnd) = (new DateOnly(start.Year, start.Month, 1), new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1));
            var taken = await active.Where(m => m.PractitionerRpps == rpps && m.Kind == MissionKind.SolidarityDays && m.StartDate >= monthStart && m.StartDate <= monthEnd)
                .SumAsync(m => m.EndDate.DayNumber - m.StartDate.DayNumber + 1, ct);
            if (taken + (end.DayNumber - start.DayNumber + 1) > SolidarityDaysPerMonth)
            {
                return TypedResults.Problem(statusCode: 409, title: $"At most {SolidarityDaysPerMonth} solidarity days a month: {taken} already planned in {start:yyyy-MM}.");
            }
        }

        var now = time.GetUtcNow();
        var mission = new Mission { Id = Guid.CreateVersion7(), Kind = kind, PractitionerRpps = rpps, SiteId = siteId, StartDate = start, EndDate = end, State = MissionState.Proposed, CreatedAt = now, UpdatedAt = now };
        db.Missions.Add(mission);
        db.AddIntegrationEvent(new MissionScheduled(mission.Id, rpps, siteId, start, end, now)); // commits with the mission
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (IsSerializationFailure(ex))
        {
            return TypedResults.Problem(statusCode: 409, title: "Another mission was scheduled at the same moment; try again.");
        }

        return TypedResults.Created($"/api/missions/missions?rpps={rpps}", MissionResponse.From(mission));
    }

    internal static async Task<Ok<List<MissionResponse>>> ListAsync(MissionsDbContext db, CancellationToken ct, [RppsNumber] string? rpps = null, Guid? siteId = null)
    {
        var missions = await db.Missions.AsNoTracking()
            .Where(m => (rpps == null || m.PractitionerRpps == rpps) && (siteId == null || m.SiteId == siteId))
            .OrderBy(m => m.StartDate).Take(500).ToListAsync(ct);
        return TypedResults.Ok(missions.ConvertAll(MissionResponse.From));
    }

    internal static async Task<Results<Ok<MissionDetailResponse>, ProblemHttpResult>> GetAsync(Guid id, MissionsDbContext db, MissionLifecycle lifecycle, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().Include(m => m.History.OrderBy(t => t.Id)).FirstOrDefaultAsync(m => m.Id == id, ct);
        return mission is null
            ? TypedResults.Problem(statusCode: 404, title: "No mission has this id.")
            : TypedResults.Ok(new MissionDetailResponse(MissionResponse.From(mission), lifecycle.MovesFrom(mission.State),
                mission.History.ConvertAll(t => new MissionTransitionResponse(t.From, t.To, t.By, t.At))));
    }

    /// <summary>
    /// Sends the command to the mission's lifecycle saga over the broker and answers with what it decided. The answer
    /// leaves the saga only once its transaction has committed (in-memory outbox on the saga's endpoint).
    /// </summary>
    internal static async Task<Results<Ok<MissionResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, string transition, CompleteRequest? request, HttpContext http, CancellationToken ct)
    {
        var by = http.User.Describe();
        var services = http.RequestServices;
        var asked = transition switch
        {
            "confirm" => Ask(services, new ConfirmMission(id, by), ct),
            "start" => Ask(services, new StartMission(id, by), ct),
            "complete" => Ask(services, new CompleteMission(id, request?.DaysWorked, by), ct),
            "cancel" => Ask(services, new CancelMission(id, by), ct),
            _ => null,
        };
        if (asked is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["transition"] = ["One of confirm, start, complete, cancel."] });
        }

        Response<MissionTransitionAccepted, MissionTransitionRefused> response;
        try
        {
            response = await asked;
        }
        catch (RequestTimeoutException)
        {
            return TypedResults.Problem(statusCode: 503, title: "The mission lifecycle did not answer in time.",
                detail: "The command may still be applied: read the mission again before retrying.");
        }

        if (response.Is(out Response<MissionTransitionAccepted>? accepted))
        {
            return TypedResults.Ok(accepted.Message.Mission);
        }

        var refused = response.Is(out Response<MissionTransitionRefused>? refusal) ? refusal.Message : throw new InvalidOperationException("Unexpected answer.");
        return refused is { Status: 400, Field: { } field }
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Title] }, title: "The transition was refused.")
            : TypedResults.Problem(statusCode: refused.Status, title: refused.Title);
    }

    private static Task<Response<MissionTransitionAccepted, MissionTransitionRefused>> Ask<T>(IServiceProvider services, T command, CancellationToken ct)
        where T : class =>
        services.GetRequiredService<IRequestClient<T>>().GetResponse<MissionTransitionAccepted, MissionTransitionRefused>(command, ct, RequestTimeout.After(s: 10));
}
