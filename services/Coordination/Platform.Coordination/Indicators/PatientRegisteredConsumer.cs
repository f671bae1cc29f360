using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>Counts each registered person once in their commune (inbox: a redelivery counts nothing).</summary>
public sealed class PatientRegisteredConsumer(CoordinationDbContext db, ILogger<PatientRegisteredConsumer> logger)
    : InboxConsumer<PatientRegistered, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientRegistered> context, CancellationToken cancellationToken) =>
        Db.CountAsync(context.Message.CommuneCode, CommuneCounts.Day(context.Message.RegisteredAt),
            [("patients_without_gp", 1), ("registered", 1)], context.MessageId, cancellationToken);
}
