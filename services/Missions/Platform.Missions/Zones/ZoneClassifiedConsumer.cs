using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.Zones;

/// <summary>Keeps each site's red-zone status from Coordination's classification of its commune.</summary>
public sealed class ZoneClassifiedConsumer(MissionsDbContext db, ILogger<ZoneClassifiedConsumer> logger)
    : InboxConsumer<ZoneClassified, MissionsDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<ZoneClassified> context, CancellationToken cancellationToken)
    {
        if (context.Message.ZoneKind != "Commune")
        {
            return; // intercommunalities: their communes are classified one by one by the CPTS
        }

        await Db.Sites.Where(s => s.CommuneCode == context.Message.ZoneCode)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsRedZone, context.Message.IsRedZone), cancellationToken);
    }
}
