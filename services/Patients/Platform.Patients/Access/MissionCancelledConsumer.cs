using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Patients.Access;

/// <summary>A cancelled mission no longer brings the site's waiting patients into the practitioner's scope.</summary>
public sealed class MissionCancelledConsumer(PatientsDbContext db, ILogger<MissionCancelledConsumer> logger)
    : InboxConsumer<MissionCancelled, PatientsDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<MissionCancelled> context, CancellationToken cancellationToken) =>
        Db.PractitionerSites.Where(s => s.MissionId == context.Message.MissionId).ExecuteDeleteAsync(cancellationToken);
}
