using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

public sealed class CoverageGapFilledConsumer(CoordinationDbContext db, ILogger<CoverageGapFilledConsumer> logger)
    : InboxConsumer<CoverageGapFilled, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<CoverageGapFilled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, m.WeekStart, [("site_weeks_uncovered", -1)], context.MessageId, cancellationToken);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO coverage_gaps (site_id, week_start, site_name, commune_code, lines, detected_at, filled_at)
            VALUES ({m.SiteId}, {m.WeekStart}, '', {m.CommuneCode}, 0, {m.FilledAt}, {m.FilledAt})
            ON CONFLICT (site_id, week_start) DO UPDATE SET filled_at = excluded.filled_at
            """, cancellationToken);
    }
}
