using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>
/// A page of Patients' answer to a replay: each open entry applied as its enrolment would be (the same upserts, so the
/// page, the events around it and a second replay give the same projection in any order).
/// </summary>
public sealed partial class WaitingListsReplayedConsumer(MissionsDbContext db, ILogger<WaitingListsReplayedConsumer> logger)
    : InboxConsumer<WaitingListsReplayed, MissionsDbContext>(db, logger)
{
    /// <summary>The inbox records each applied page under this name (what the replay watch looks for).</summary>
    public const string InboxName = nameof(WaitingListsReplayedConsumer);

    protected override string ConsumerName => InboxName;

    protected override async Task ApplyAsync(ConsumeContext<WaitingListsReplayed> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.ApplyAsync(m.Entries.SelectMany(e => WaitingListProjection.Enrolled(e.EntryId, e.PatientId, e.CommuneCode, e.EnrolledAt, context.MessageId)), cancellationToken);

        if (m.Last)
        {
            LogReplayed(Logger, m.RequestId, m.Page);
        }
    }

    // Pages are applied each on its own, in any order: the last one says how many there are, not that all are in.
    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting-list projection: last page of Patients' replay {RequestId} applied ({Pages} pages in all)")]
    private static partial void LogReplayed(ILogger logger, Guid requestId, int pages);
}
