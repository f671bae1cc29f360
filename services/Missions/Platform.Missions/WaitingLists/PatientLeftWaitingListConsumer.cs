using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>A patient left a waiting list (given a doctor, moved, deceased): they no longer count once off every list.</summary>
public sealed class PatientLeftWaitingListConsumer(MissionsDbContext db, ILogger<PatientLeftWaitingListConsumer> logger)
    : InboxConsumer<PatientLeftWaitingList, MissionsDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientLeftWaitingList> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        return Db.ApplyAsync(
            [WaitingListProjection.Commune(m.PatientId, m.CommuneCode, m.LeftAt, context.MessageId), WaitingListProjection.Entry(m.EntryId, m.PatientId, m.LeftAt.AddDays(-m.DaysWaited), m.LeftAt)],
            cancellationToken);
    }
}
