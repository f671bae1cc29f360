using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Scheduling;

/// <summary>
/// Finds site-weeks (Monday) starting within <see cref="CoverageGapOptions.NoticeDays"/> days that still have no
/// rotation (not counting cancelled ones, as the site's weeks view does) and announces each once with
/// <c>CoverageGapDetected</c>; a gap later covered is announced with <c>CoverageGapFilled</c>. The alerts and their
/// events commit together; an advisory lock keeps two replicas from scanning at once.
/// </summary>
public static class CoverageGapScanner
{
    private const long ScanLock = 0x4d495353_47415053; // "MISSGAPS"

    public static async Task<CoverageGapScan> ScanAsync(MissionsDbContext db, DateOnly today, int noticeDays, TimeProvider time, CancellationToken ct)
    {
        var horizon = today.AddDays(noticeDays);
        var firstMonday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        if (firstMonday == today)
        {
            firstMonday = today.AddDays(7); // a week that starts today is under way, no longer "before it starts"
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ScanLock}) AS \"Value\"").SingleAsync(ct);
        if (!locked)
        {
            return new CoverageGapScan(0, 0, horizon);
        }

        var sites = await db.Sites.AsNoTracking().ToListAsync(ct);
        var covered = await db.Missions.AsNoTracking()
            .Where(m => m.Kind == MissionKind.WeeklyRotation && m.State != MissionState.Cancelled && m.StartDate >= today)
            .Select(m => new { m.SiteId, m.StartDate }).Distinct().ToListAsync(ct);
        var coveredWeeks = covered.Select(c => (c.SiteId, c.StartDate)).ToHashSet();
        var alerts = await db.CoverageGapAlerts.Where(a => a.WeekStart >= today).ToListAsync(ct);
        var announced = alerts.Select(a => (a.SiteId, a.WeekStart)).ToHashSet();
        var now = time.GetUtcNow();
        int detected = 0, filled = 0;
        foreach (var site in sites)
        {
            for (var monday = firstMonday; monday <= horizon; monday = monday.AddDays(7))
            {
                if (!coveredWeeks.Contains((site.Id, monday)) && announced.Add((site.Id, monday)))
                {
                    db.CoverageGapAlerts.Add(new CoverageGapAlert { SiteId = site.Id, WeekStart = monday, DetectedAt = now });
                    db.AddIntegrationEvent(new CoverageGapDetected(site.Id, site.Name, site.CommuneCode, monday, site.LinesPerWeek, 0, now));
                    detected++;
                }
            }
        }

        var byId = sites.ToDictionary(s => s.Id);
        foreach (var alert in alerts.Where(a => a.FilledAt is null && coveredWeeks.Contains((a.SiteId, a.WeekStart))))
        {
            alert.FilledAt = now;
            db.AddIntegrationEvent(new CoverageGapFilled(alert.SiteId, byId[alert.SiteId].CommuneCode, alert.WeekStart, now));
            filled++;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CoverageGapScan(detected, filled, horizon);
    }

    public static IEndpointRouteBuilder MapCoverageGaps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missions/coverage-gaps").WithTags("Missions");
        group.MapGet("/", ListAsync).WithName("ListCoverageGaps").WithSummary("Site-weeks announced uncovered; ?open=true for those still open")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        group.MapPost("/scan", async (MissionsDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<CoverageGapOptions> options, CancellationToken ct) =>
                TypedResults.Ok(await ScanAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), options.Value.NoticeDays, time, ct)))
            .WithName("ScanCoverageGaps").WithSummary("Scan now for site-weeks still uncovered before they start (the watch also runs on its own)")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        return app;
    }

    internal static async Task<Ok<List<CoverageGapResponse>>> ListAsync(MissionsDbContext db, CancellationToken ct, bool open = false)
    {
        var rows = await (from a in db.CoverageGapAlerts.AsNoTracking()
                          join s in db.Sites on a.SiteId equals s.Id
                          where !open || a.FilledAt == null
                          orderby a.WeekStart, s.Name
                          select new CoverageGapResponse(a.SiteId, s.Name, s.CommuneCode, a.WeekStart, a.DetectedAt, a.FilledAt)).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
