using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.WaitingLists;

namespace Platform.Patients.Access;

/// <summary>
/// A cancelled mission no longer brings the site's waiting patients into the practitioner's scope. The row is marked,
/// or created marked when the cancellation comes first (each event has its own queue, so either may): a
/// MissionScheduled that comes later then finds it and adds nothing.
/// </summary>
public sealed class MissionCancelledConsumer(PatientsDbContext db, ILogger<MissionCancelledConsumer> logger)
    : InboxConsumer<MissionCancelled, PatientsDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<MissionCancelled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        var site = await Db.PractitionerSites.FirstOrDefaultAsync(s => s.MissionId == m.MissionId, cancellationToken);
        if (site is null)
        {
            Db.PractitionerSites.Add(new PractitionerSite
            {
                MissionId = m.MissionId,
                Rpps = m.PractitionerRpps,
                SiteId = m.SiteId,
                ListId = new WaitingListId(WaitingListId.Site, m.SiteId.ToString()).ToString(),
                CancelledAt = m.CancelledAt,
            });
        }
        else
        {
            site.CancelledAt ??= m.CancelledAt;
        }
    }
}
