using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>A patient joined a waiting list: one more person waiting in their commune, for the planner's priorities.</summary>
public sealed class PatientEnrolledConsumer(MissionsDbContext db, ILogger<PatientEnrolledConsumer> logger)
    : InboxConsumer<PatientEnrolled, MissionsDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientEnrolled> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(WaitingListProjection.Enrolled(context.Message.EntryId, context.Message.PatientId, context.Message.CommuneCode, context.Message.EnrolledAt, context.MessageId), cancellationToken);
}
