using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Missions;

namespace Platform.Missions.Scheduling;

/// <summary>gRPC for the other services: days worked per practitioner and period (Funding), coverage per site-week (Coordination).</summary>
public sealed class MissionActivityService(MissionsDbContext db) : MissionActivity.MissionActivityBase
{
    public override async Task<DaysWorkedReply> GetDaysWorked(DaysWorkedRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Rpps.IsValid(request.Rpps))
        {
            throw Invalid($"rpps: {Rpps.Rule}");
        }

        var (from, to) = (Date(request.From, "from"), Date(request.To, "to"));
        if (to < from)
        {
            throw Invalid("to: the period ends before it starts.");
        }

        var missions = await db.Missions.AsNoTracking()
            .Where(m => m.PractitionerRpps == request.Rpps && m.StartDate >= from && m.StartDate <= to)
            .Select(m => new { m.State, m.DaysWorked, m.StartDate, m.EndDate }).ToListAsync(context.CancellationToken);
        var completed = missions.Where(m => m.State == MissionState.Completed).ToList();
        return new DaysWorkedReply
        {
            Rpps = request.Rpps,
            DaysWorked = completed.Sum(m => m.DaysWorked ?? 0),
            MissionsCompleted = completed.Count,
            DaysPlanned = missions.Where(m => m.State is MissionState.Confirmed or MissionState.InProgress)
                .Sum(m => m.EndDate.DayNumber - m.StartDate.DayNumber + 1),
        };
    }

    public override async Task<WeekCoverageReply> GetWeekCoverage(WeekCoverageRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(request.SiteId, out var siteId))
        {
            throw Invalid("site_id: a site id (GUID).");
        }

        var from = Date(request.From, "from");
        if (from.DayOfWeek != DayOfWeek.Monday || request.Weeks is < 1 or > CoverageEndpoints.MaxWeeks)
        {
            throw Invalid($"from must be a Monday and weeks between 1 and {CoverageEndpoints.MaxWeeks}.");
        }

        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, context.CancellationToken);
        if (site is null)
        {
            return new WeekCoverageReply { Found = false };
        }

        var end = from.AddDays(7 * request.Weeks);
        var rotations = await db.Missions.AsNoTracking()
            .Where(m => m.SiteId == siteId && m.Kind == MissionKind.WeeklyRotation && m.State != MissionState.Cancelled && m.StartDate >= from && m.StartDate < end)
            .GroupBy(m => m.StartDate).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);
        var reply = new WeekCoverageReply { Found = true };
        for (var w = 0; w < request.Weeks; w++)
        {
            var monday = from.AddDays(7 * w);
            var count = rotations.GetValueOrDefault(monday);
            reply.Weeks.Add(new WeekCoverage { WeekStart = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Lines = site.LinesPerWeek, Rotations = count, Covered = count > 0 });
        }

        return reply;
    }

    private static DateOnly Date(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid($"{field}: a date (YYYY-MM-DD).");

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));
}
