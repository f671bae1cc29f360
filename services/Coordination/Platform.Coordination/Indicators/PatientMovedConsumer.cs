using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>A person still without a GP who moves is counted in their new commune instead of the old one.</summary>
public sealed class PatientMovedConsumer(CoordinationDbContext db, ILogger<PatientMovedConsumer> logger)
    : InboxConsumer<PatientMoved, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientMoved> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (m.HasReferringGp)
        {
            return;
        }

        var day = CommuneCounts.Day(m.MovedAt);
        await Db.CountAsync(m.FromCommuneCode, day, [("patients_without_gp", -1)], context.MessageId, cancellationToken);
        await Db.CountAsync(m.ToCommuneCode, day, [("patients_without_gp", 1)], context.MessageId, cancellationToken);
    }
}
