using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Patients.Access;

/// <summary>
/// A practitioner scheduled at a site: the patients waiting for that site enter their scope, unless the mission's
/// cancellation came first (its row is there, marked).
/// </summary>
public sealed class MissionScheduledConsumer(PatientsDbContext db, ILogger<MissionScheduledConsumer> logger)
    : InboxConsumer<MissionScheduled, PatientsDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<MissionScheduled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (!Rpps.IsValid(m.PractitionerRpps) || m.SiteId == Guid.Empty)
        {
            throw new InvalidMessageException($"MissionScheduled {m.MissionId}: an RPPS and a site are required.");
        }

        if (!await Db.PractitionerSites.AnyAsync(s => s.MissionId == m.MissionId, cancellationToken))
        {
            Db.PractitionerSites.Add(PractitionerSite.For(m.MissionId, m.PractitionerRpps, m.SiteId));
        }
    }
}
