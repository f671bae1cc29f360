using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>A patient joined a waiting list: one more person waiting in their commune, for the planner's priorities.</summary>
public sealed class PatientEnrolledConsumer(MissionsDbContext db, ILogger<PatientEnrolledConsumer> logger)
    : InboxConsumer<PatientEnrolled, MissionsDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientEnrolled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CommuneAsync(m.PatientId, m.CommuneCode, m.EnrolledAt, context.MessageId, cancellationToken);
        await Db.EntryAsync(m.EntryId, m.PatientId, m.EnrolledAt, null, cancellationToken);
    }
}
