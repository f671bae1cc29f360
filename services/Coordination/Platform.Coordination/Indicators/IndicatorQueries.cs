using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.Coordination.Indicators;

/// <summary>Reads the projection: a set of communes now, totals, and the week-by-week history.</summary>
internal static class IndicatorQueries
{
    /// <summary>The communes' figures, in the order given (a commune no event has mentioned comes back with zeros).</summary>
    public static async Task<List<CommuneIndicatorResponse>> LoadAsync(CoordinationDbContext db, IReadOnlyCollection<string> codes, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var year = now.Year;
        var rows = await db.CommuneIndicators.AsNoTracking().Where(c => codes.Contains(c.CommuneCode)).ToDictionaryAsync(c => c.CommuneCode, ct);
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var oldest = await db.WaitingEntries.AsNoTracking()
            .Where(w => codes.Contains(w.CommuneCode) && w.EnrolledAt != null && w.LeftAt == null)
            .GroupBy(w => w.CommuneCode).Select(g => new { g.Key, Oldest = g.Min(w => w.EnrolledAt) }).ToDictionaryAsync(g => g.Key, g => g.Oldest, ct);
        var volunteers = await db.MissionCompletions.AsNoTracking().Where(m => m.CommuneCode != null && codes.Contains(m.CommuneCode))
            .GroupBy(m => m.CommuneCode!).Select(g => new { g.Key, Count = g.Select(m => m.PractitionerRpps).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var shortfall = await db.SiteFunding.AsNoTracking().Where(f => f.Year == year && f.CommuneCode != null && codes.Contains(f.CommuneCode))
            .GroupBy(f => f.CommuneCode!).Select(g => new { g.Key, Sum = g.Sum(f => f.Shortfall) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        return codes.Select(code =>
        {
            var c = rows.GetValueOrDefault(code);
            var commune = communes.GetValueOrDefault(code);
            var withoutGp = Math.Max(0, c?.PatientsWithoutGp ?? 0);
            return new CommuneIndicatorResponse(
                code,
                commune?.Name,
                commune?.Population,
                commune is not null,
                withoutGp,
                commune is null ? null : Per1000(withoutGp, commune.Population),
                Math.Max(0, c?.WaitingListEntries ?? 0),
                oldest.GetValueOrDefault(code) is { } since ? (int)(now - since).TotalDays : null,
                c?.Registered ?? 0,
                c?.GivenAGp ?? 0,
                c?.Consultations ?? 0,
                c?.Orientations ?? 0,
                c?.MissionsCompleted ?? 0,
                c?.DaysWorked ?? 0,
                volunteers.GetValueOrDefault(code),
                c?.SiteWeeksCovered ?? 0,
                Math.Max(0, c?.SiteWeeksUncovered ?? 0),
                shortfall.GetValueOrDefault(code),
                c?.UpdatedAt,
                c?.ReconciledAt);
        }).ToList();
    }

    /// <summary>Distinct volunteers over a set of communes (one who worked in two communes counts once).</summary>
    public static Task<int> VolunteersAsync(CoordinationDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        db.MissionCompletions.Where(m => m.CommuneCode != null && codes.Contains(m.CommuneCode)).Select(m => m.PractitionerRpps).Distinct().CountAsync(ct);

    public static CommuneIndicatorResponse Total(string name, IReadOnlyList<CommuneIndicatorResponse> communes, int volunteers)
    {
        var population = communes.Sum(c => c.Population ?? 0);
        var withoutGp = communes.Sum(c => c.PatientsWithoutGp);
        return new CommuneIndicatorResponse("", name, population, true, withoutGp, Per1000(withoutGp, population),
            communes.Sum(c => c.WaitingListEntries), communes.Max(c => c.OldestWaitDays), communes.Sum(c => c.Registered), communes.Sum(c => c.GivenAGp),
            communes.Sum(c => c.Consultations), communes.Sum(c => c.Orientations), communes.Sum(c => c.MissionsCompleted), communes.Sum(c => c.DaysWorked),
            volunteers, communes.Sum(c => c.SiteWeeksCovered), communes.Sum(c => c.SiteWeeksUncovered), communes.Sum(c => c.FundingShortfall),
            communes.Max(c => c.UpdatedAt), null);
    }

    /// <summary>
    /// The weeks ending with the week of <paramref name="to"/> (default: this week). Flows are the week's sums; the
    /// two stocks add up every change up to the end of each week.
    /// </summary>
    public static async Task<(List<WeekIndicators>? History, IResult? Problem)> HistoryAsync(CoordinationDbContext db, TimeProvider time,
        string? commune, Guid? territory, int weeks, DateOnly? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if ((commune is null) == (territory is null))
        {
            errors["commune"] = ["Give either a commune (INSEE code) or a territory (CPTS id)."];
        }
        else if (commune is not null && InseeCode.Problem(commune) is { } communeProblem)
        {
            errors["commune"] = [communeProblem];
        }

        if (weeks is < 1 or > IndicatorEndpoints.MaxHistoryWeeks)
        {
            errors["weeks"] = [$"Between 1 and {IndicatorEndpoints.MaxHistoryWeeks}."];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }

        var codes = commune is not null ? [commune] : await db.Communes.Where(c => c.CptsId == territory).Select(c => c.Code).ToListAsync(ct);
        if (codes.Count == 0)
        {
            return (null, TypedResults.Problem(statusCode: 404, title: "No CPTS has this id."));
        }

        var last = CommuneCounts.WeekOf(to ?? CommuneCounts.Day(time.GetUtcNow()));
        var first = last.AddDays(-7 * (weeks - 1));
        var rows = await db.CommuneWeeks.AsNoTracking().Where(w => codes.Contains(w.CommuneCode) && w.WeekStart <= last)
            .GroupBy(w => w.WeekStart)
            .Select(g => new
            {
                WeekStart = g.Key,
                WithoutGp = g.Sum(w => w.PatientsWithoutGp),
                Waiting = g.Sum(w => w.WaitingListEntries),
                Registered = g.Sum(w => w.Registered),
                GivenAGp = g.Sum(w => w.GivenAGp),
                Consultations = g.Sum(w => w.Consultations),
                Orientations = g.Sum(w => w.Orientations),
                Missions = g.Sum(w => w.MissionsCompleted),
                Days = g.Sum(w => w.DaysWorked),
                Covered = g.Sum(w => w.SiteWeeksCovered),
                Uncovered = g.Sum(w => w.SiteWeeksUncovered),
            })
            .ToDictionaryAsync(r => r.WeekStart, ct);
        var volunteers = await db.MissionCompletions.AsNoTracking()
            .Where(m => m.CommuneCode != null && codes.Contains(m.CommuneCode) && m.WeekStart >= first && m.WeekStart <= last)
            .GroupBy(m => m.WeekStart).Select(g => new { g.Key, Count = g.Select(m => m.PractitionerRpps).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int withoutGp = rows.Values.Where(r => r.WeekStart < first).Sum(r => r.WithoutGp), waiting = rows.Values.Where(r => r.WeekStart < first).Sum(r => r.Waiting);
        var history = new List<WeekIndicators>(weeks);
        for (var week = first; week <= last; week = week.AddDays(7))
        {
            var r = rows.GetValueOrDefault(week);
            withoutGp += r?.WithoutGp ?? 0;
            waiting += r?.Waiting ?? 0;
            history.Add(new WeekIndicators(week, Math.Max(0, withoutGp), Math.Max(0, waiting), r?.Registered ?? 0, r?.GivenAGp ?? 0, r?.Consultations ?? 0,
                r?.Orientations ?? 0, r?.Missions ?? 0, r?.Days ?? 0, volunteers.GetValueOrDefault(week), r?.Covered ?? 0, Math.Max(0, r?.Uncovered ?? 0)));
        }

        return (history, null);
    }

    private static decimal Per1000(int count, int population) =>
        population > 0 ? Math.Round(count * 1000m / population, 1, MidpointRounding.AwayFromZero) : 0;
}
