using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Geography;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>The latest funding figures of each site-year, as Funding announces its shortfalls (older news ignored).</summary>
public sealed class BudgetShortfallDetectedConsumer(CoordinationDbContext db, ILogger<BudgetShortfallDetectedConsumer> logger)
    : InboxConsumer<BudgetShortfallDetected, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<BudgetShortfallDetected> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (m.CommuneCode is not null && !CommuneCodes.IsWellFormed(m.CommuneCode))
        {
            throw new InvalidMessageException($"BudgetShortfallDetected {context.MessageId}: communeCode '{m.CommuneCode}' is not an INSEE code.");
        }

        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO site_funding AS f (site_id, year, commune_code, costs, funding, shortfall, announced_at)
            VALUES ({m.SiteId}, {m.Year}, {m.CommuneCode}, {m.Costs}, {m.Funding}, {m.Shortfall}, {m.DetectedAt})
            ON CONFLICT (site_id, year) DO UPDATE SET commune_code = coalesce(excluded.commune_code, f.commune_code), costs = excluded.costs,
                funding = excluded.funding, shortfall = excluded.shortfall, announced_at = excluded.announced_at
            WHERE f.announced_at < excluded.announced_at
            """, cancellationToken);
    }
}
