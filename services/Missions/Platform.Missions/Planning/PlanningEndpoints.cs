using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Missions.Scheduling;
using Platform.Missions.WaitingLists;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Planning;

public static class PlanningEndpoints
{
    public const int MaxWeeks = 26, MaxVolunteers = 5_000, RedZonePriority = 1_000;

    public static IEndpointRouteBuilder MapPlanning(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missions/planning").WithTags("Planning");
        group.MapPost("/", PlanAsync).WithName("PlanCoverage")
            .WithSummary("Propose weekly rotations covering as many open site-weeks as possible, red zones and long waiting lists first")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        group.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptPlan")
            .WithSummary("Turn a plan's rotations into proposed missions, all or none (every scheduling rule checked again)")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        return app;
    }

    internal static async Task<Results<Ok<PlanningResponse>, ValidationProblem>> PlanAsync(PlanningRequest request, MissionsDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The planning request is not valid.");
        }

        var (from, weeks) = (request.From!.Value, request.Weeks!.Value);
        var end = from.AddDays(7 * weeks);
        var volunteers = request.Volunteers!;
        var rpps = volunteers.Select(v => v.Rpps!).ToList();
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => rpps.Contains(p.Rpps)).ToDictionaryAsync(p => p.Rpps, ct);
        var known = practitioners.Keys.ToHashSet();
        for (var i = 0; i < volunteers.Count; i++)
        {
            if (!known.Contains(volunteers[i].Rpps!))
            {
                errors[$"volunteers[{i}].rpps"] = ["No practitioner with this RPPS is registered."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some volunteers are not registered practitioners.");
        }

        var communes = request.Communes;
        var sites = await db.Sites.AsNoTracking().Where(s => communes == null || communes.Contains(s.CommuneCode)).OrderBy(s => s.Name).ToListAsync(ct);
        var active = db.Missions.AsNoTracking().Where(m => m.State != MissionState.Cancelled && m.StartDate < end && m.EndDate >= from);
        var covered = (await active.Where(m => m.Kind == MissionKind.WeeklyRotation).Select(m => new { m.SiteId, m.StartDate }).ToListAsync(ct))
            .Select(m => (m.SiteId, m.StartDate)).ToHashSet();
        var busy = await active.Where(m => rpps.Contains(m.PractitionerRpps)).Select(m => new { m.PractitionerRpps, m.StartDate, m.EndDate }).ToListAsync(ct);
        var mondays = Enumerable.Range(0, weeks).Select(w => from.AddDays(7 * w)).ToArray();

        var notes = new List<string>();
        // People waiting in each site's commune: Missions' own projection of Patients' waiting-list events.
        var waiting = await db.WaitingByCommuneAsync([.. sites.Select(s => s.CommuneCode).Distinct()], ct);
        var planSites = sites.Select(s => new PlanSite(s.CommuneCode,
            (s.IsRedZone ? RedZonePriority : 0) + Math.Min(waiting.GetValueOrDefault(s.CommuneCode), RedZonePriority - 1),
            mondays.Select(m => !covered.Contains((s.Id, m))).ToArray())).ToList();
        var planVolunteers = volunteers.Select(v =>
        {
            // Weeks given in the request, or else the weeks (Monday to Saturday) inside the practitioner's availability windows.
            var offered = v.AvailableWeeks?.ToHashSet()
                ?? mondays.Where(m => practitioners[v.Rpps!].Availability.Any(w => w.From <= m && w.To >= m.AddDays(5))).ToHashSet();
            return new PlanVolunteer(
                mondays.Select(m => offered.Contains(m) && !busy.Any(b => b.PractitionerRpps == v.Rpps && b.StartDate <= m.AddDays(5) && b.EndDate >= m)).ToArray(),
                v.MaxRotations ?? weeks,
                v.Communes is { Count: > 0 } accepted ? accepted.ToHashSet() : null);
        }).ToList();

        var plan = CoveragePlanner.Solve(planSites, planVolunteers, weeks);
        var assignments = plan.Assignments.Select(a => new PlannedRotation(volunteers[a.Volunteer].Rpps!, sites[a.Site].Id, sites[a.Site].Name,
            sites[a.Site].CommuneCode, mondays[a.Week], planSites[a.Site].Priority)).OrderBy(a => a.WeekStart).ThenByDescending(a => a.Priority).ToList();
        var gaps = plan.Gaps.Select(g => new PlanningGap(sites[g.Site].Id, sites[g.Site].Name, sites[g.Site].CommuneCode, mondays[g.Week],
            planSites[g.Site].Priority, g.Reason)).OrderBy(g => g.WeekStart).ThenByDescending(g => g.Priority).ToList();
        var stored = new StoredPlan { Id = Guid.CreateVersion7(), CreatedAt = time.GetUtcNow(), Assignments = JsonSerializer.Serialize(assignments, JsonSerializerOptions.Web) };
        db.Plans.Add(stored);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PlanningResponse(stored.Id, from, weeks, plan.OpenSiteWeeks, plan.Coverage, plan.Bound, plan.Coverage == plan.Bound,
            assignments, gaps, notes));
    }

    internal static async Task<Results<Ok<List<MissionResponse>>, ProblemHttpResult>> AcceptAsync(Guid id, MissionsDbContext db, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No plan has this id.");
        }

        if (plan.AcceptedAt is not null)
        {
            return TypedResults.Problem(statusCode: 409, title: "This plan was accepted already.");
        }

        var rotations = JsonSerializer.Deserialize<List<PlannedRotation>>(plan.Assignments, JsonSerializerOptions.Web)!;
        var now = time.GetUtcNow();
        var created = new List<Mission>();
        var active = db.Missions.Where(m => m.State != MissionState.Cancelled);
        for (var i = 0; i < rotations.Count; i++)
        {
            var r = rotations[i];
            var (start, end) = (r.WeekStart, r.WeekStart.AddDays(5));
            var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == r.SiteId, ct);
            string? conflict = site is null ? "the site no longer exists"
                : await active.AnyAsync(m => m.PractitionerRpps == r.Rpps && m.StartDate <= end && m.EndDate >= start, ct) ? "the practitioner has another mission that week"
                : await active.CountAsync(m => m.SiteId == r.SiteId && m.Kind == MissionKind.WeeklyRotation && m.StartDate == start, ct) >= site.LinesPerWeek ? "the site-week is full"
                : null;
            if (conflict is not null)
            {
                return TypedResults.Problem(statusCode: 409, title: "The plan no longer fits the schedule; plan again.",
                    detail: $"Assignment {i} ({r.Rpps} at {r.SiteName}, week of {r.WeekStart:yyyy-MM-dd}): {conflict}. Nothing was created.",
                    extensions: new Dictionary<string, object?> { ["field"] = $"assignments[{i}]" });
            }

            var mission = new Mission
            {
                Id = Guid.CreateVersion7(), Kind = MissionKind.WeeklyRotation, PractitionerRpps = r.Rpps, SiteId = r.SiteId,
                StartDate = start, EndDate = end, State = MissionState.Proposed, CreatedAt = now, UpdatedAt = now,
            };
            db.Missions.Add(mission);
            created.Add(mission);
            await db.SaveChangesAsync(ct); // visible to the checks of the next assignments
        }

        plan.AcceptedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (MissionEndpoints.IsSerializationFailure(ex))
        {
            return TypedResults.Problem(statusCode: 409, title: "The schedule changed while the plan was accepted; try again.");
        }

        return TypedResults.Ok(created.ConvertAll(MissionResponse.From));
    }

    private static Dictionary<string, string[]> Validate(PlanningRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.From is not { DayOfWeek: DayOfWeek.Monday })
        {
            errors["from"] = ["Required: the Monday the period starts (YYYY-MM-DD)."];
        }

        if (r.Weeks is not (>= 1 and <= MaxWeeks))
        {
            errors["weeks"] = [$"Between 1 and {MaxWeeks}."];
        }

        for (var i = 0; i < (r.Communes?.Count ?? 0); i++)
        {
            if (InseeCode.Problem(r.Communes![i]) is { } communeProblem)
            {
                errors[$"communes[{i}]"] = [communeProblem];
            }
        }

        if (r.Volunteers is not { Count: > 0 and <= MaxVolunteers })
        {
            errors["volunteers"] = [$"Between 1 and {MaxVolunteers} volunteers with their availability."];
            return errors;
        }

        for (var i = 0; i < r.Volunteers.Count; i++)
        {
            var v = r.Volunteers[i];
            if (!Rpps.IsValid(v.Rpps))
            {
                errors[$"volunteers[{i}].rpps"] = [Rpps.Rule];
            }

            if (v.AvailableWeeks is not null && !errors.ContainsKey("from") && !errors.ContainsKey("weeks"))
            {
                var last = r.From!.Value.AddDays(7 * (r.Weeks!.Value - 1));
                for (var j = 0; j < v.AvailableWeeks.Count; j++)
                {
                    var week = v.AvailableWeeks[j];
                    if (week.DayOfWeek != DayOfWeek.Monday || week < r.From || week > last)
                    {
                        errors[$"volunteers[{i}].availableWeeks[{j}]"] = [$"A Monday between {r.From:yyyy-MM-dd} and {last:yyyy-MM-dd}."];
                    }
                }
            }

            if (v.MaxRotations is not null and not (>= 1 and <= MaxWeeks))
            {
                errors[$"volunteers[{i}].maxRotations"] = [$"Between 1 and {MaxWeeks}."];
            }

            for (var j = 0; j < (v.Communes?.Count ?? 0); j++)
            {
                if (InseeCode.Problem(v.Communes![j]) is { } communeProblem)
                {
                    errors[$"volunteers[{i}].communes[{j}]"] = [communeProblem];
                }
            }
        }

        if (r.Volunteers.Select(v => v.Rpps).Distinct().Count() != r.Volunteers.Count)
        {
            errors["volunteers"] = ["Each practitioner once."];
        }

        return errors;
    }
}
