using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>A patient moved: if they wait, they now wait in their new commune.</summary>
public sealed class PatientMovedConsumer(MissionsDbContext db, ILogger<PatientMovedConsumer> logger)
    : InboxConsumer<PatientMoved, MissionsDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientMoved> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync([WaitingListProjection.Commune(context.Message.PatientId, context.Message.ToCommuneCode, context.Message.MovedAt, context.MessageId)], cancellationToken);
}
