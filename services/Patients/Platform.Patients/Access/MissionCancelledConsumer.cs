using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

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
            var cancelled = PractitionerSite.For(m.MissionId, m.PractitionerRpps, m.SiteId);
            cancelled.CancelledAt = m.CancelledAt;
            Db.PractitionerSites.Add(cancelled);
        }
        else
        {
            site.CancelledAt ??= m.CancelledAt;
        }
    }
}
