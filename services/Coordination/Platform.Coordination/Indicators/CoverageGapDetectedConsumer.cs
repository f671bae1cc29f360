using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>Open coverage gaps per commune and week (CoverageGapDetected / CoverageGapFilled, in either order).</summary>
public sealed class CoverageGapDetectedConsumer(CoordinationDbContext db, ILogger<CoverageGapDetectedConsumer> logger)
    : InboxConsumer<CoverageGapDetected, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<CoverageGapDetected> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, m.WeekStart, [("site_weeks_uncovered", 1)], context.MessageId, cancellationToken);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO coverage_gaps (site_id, week_start, site_name, commune_code, lines, detected_at)
            VALUES ({m.SiteId}, {m.WeekStart}, {m.SiteName}, {m.CommuneCode}, {m.Lines}, {m.DetectedAt})
            ON CONFLICT (site_id, week_start) DO UPDATE SET site_name = excluded.site_name, lines = excluded.lines, detected_at = excluded.detected_at
            """, cancellationToken);
    }
}
