using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Scheduling;

public static class CoverageEndpoints
{
    public const int MaxWeeks = 104;

    public static IEndpointRouteBuilder MapCoverage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/missions/sites/{id:guid}/weeks", WeeksAsync)
            .WithTags("Missions").WithName("SiteWeeks")
            .WithSummary("A site's weeks from a Monday: rotations, free lines, and the uncovered weeks")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        app.MapGet("/api/missions/missions/{id:guid}/handover", HandoverAsync)
            .WithTags("Missions").WithName("MissionHandover")
            .WithSummary("The practitioners before and after a rotation at its site (key handover)")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        return app;
    }

    internal static async Task<Results<Ok<List<SiteWeek>>, ValidationProblem, ProblemHttpResult>> WeeksAsync(
        Guid id, DateOnly? from, MissionsDbContext db, CancellationToken ct, int weeks = 12)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is not { DayOfWeek: DayOfWeek.Monday })
        {
            errors["from"] = ["A Monday (YYYY-MM-DD)."];
        }

        if (weeks is < 1 or > MaxWeeks)
        {
            errors["weeks"] = [$"Between 1 and {MaxWeeks}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No site has this id.");
        }

        var start = from!.Value;
        var end = start.AddDays(7 * weeks);
        var rotations = await db.Missions.AsNoTracking()
            .Where(m => m.SiteId == id && m.Kind == MissionKind.WeeklyRotation && m.State != MissionState.Cancelled && m.StartDate >= start && m.StartDate < end)
            .ToListAsync(ct);
        var result = Enumerable.Range(0, weeks).Select(w =>
        {
            var monday = start.AddDays(7 * w);
            var here = rotations.Where(r => r.StartDate == monday).OrderBy(r => r.CreatedAt)
                .Select(r => new WeekRotation(r.Id, r.PractitionerRpps, r.State)).ToList();
            return new SiteWeek(monday, site.LinesPerWeek, here, Math.Max(0, site.LinesPerWeek - here.Count), here.Count == 0);
        }).ToList();
        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<Handover>, ProblemHttpResult>> HandoverAsync(Guid id, MissionsDbContext db, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mission is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No mission has this id.");
        }

        var others = db.Missions.AsNoTracking().Where(m => m.SiteId == mission.SiteId && m.Id != id && m.Kind == MissionKind.WeeklyRotation && m.State != MissionState.Cancelled);
        var previous = await others.Where(m => m.StartDate < mission.StartDate).OrderByDescending(m => m.StartDate)
            .Select(m => new Neighbour(m.Id, m.PractitionerRpps, m.StartDate)).FirstOrDefaultAsync(ct);
        var next = await others.Where(m => m.StartDate > mission.StartDate).OrderBy(m => m.StartDate)
            .Select(m => new Neighbour(m.Id, m.PractitionerRpps, m.StartDate)).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new Handover(id, previous, next));
    }
}
