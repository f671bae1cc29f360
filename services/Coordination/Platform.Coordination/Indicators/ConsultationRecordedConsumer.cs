using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

public sealed class ConsultationRecordedConsumer(CoordinationDbContext db, ILogger<ConsultationRecordedConsumer> logger)
    : InboxConsumer<ConsultationRecorded, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<ConsultationRecorded> context, CancellationToken cancellationToken) =>
        Db.CountAsync(context.Message.CommuneCode, context.Message.Date, [("consultations", 1)], context.MessageId, cancellationToken);
}
