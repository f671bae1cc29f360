using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>A person given a referring GP for the first time leaves their commune's count of people without one.</summary>
public sealed class PatientAssignedReferentConsumer(CoordinationDbContext db, ILogger<PatientAssignedReferentConsumer> logger)
    : InboxConsumer<PatientAssignedReferent, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientAssignedReferent> context, CancellationToken cancellationToken)
    {
        if (context.Message.FirstReferent) // a change of referent changes no count
        {
            await Db.CountAsync(context.Message.CommuneCode, CommuneCounts.Day(context.Message.AssignedAt),
                [("patients_without_gp", -1), ("given_a_gp", 1)], context.MessageId, cancellationToken);
        }
    }
}
