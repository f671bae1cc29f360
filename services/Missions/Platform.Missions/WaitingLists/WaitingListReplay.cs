using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>
/// Rebuilding the waiting-list projection from Patients: asked at start when the projection is empty (an upgrade from
/// a version without it, a restored or new database: an empty registry answers one empty page), or by an administrator
/// (<c>POST /api/missions/admin/waiting-lists/replay</c>, for a projection found behind). The request leaves through
/// the outbox; Patients answers with pages of the entries open then (<see cref="WaitingListsReplayedConsumer"/>). A
/// request asked at start is asked again until answered (<see cref="WaitingListReplayWatch"/>).
/// </summary>
public sealed partial class WaitingListReplay(MissionsDbContext db, TimeProvider time, WaitingListReplayWatch watch, ILogger<WaitingListReplay> logger)
    : IPostMigrationStep
{
    /// <summary>Clocks of Missions' replicas may differ: an answer applied by another replica counts if this close to the request.</summary>
    private static readonly TimeSpan s_clockTolerance = TimeSpan.FromMinutes(1);

    public async Task<Guid> RequestAsync(CancellationToken cancellationToken)
    {
        var requestId = Guid.CreateVersion7();
        db.AddIntegrationEvent(new WaitingListsReplayRequested(requestId, time.GetUtcNow()), time);
        await db.SaveChangesAsync(cancellationToken);
        LogRequested(logger, requestId);
        return requestId;
    }

    async Task IPostMigrationStep.RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.Set<WaitingEntry>().AnyAsync(cancellationToken) && !await db.Set<WaitingPatient>().AnyAsync(cancellationToken))
        {
            var askedAt = time.GetUtcNow();
            await RequestAsync(cancellationToken);
            watch.Follow(askedAt); // asked again until answered (WaitingListReplayWatch)
        }
    }

    /// <summary>Whether a page of a replay's answer (even an empty registry's single page) was applied since <paramref name="askedAt"/>.</summary>
    public Task<bool> AnsweredSinceAsync(DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        var since = askedAt - s_clockTolerance;
        return db.Set<InboxMessage>().AnyAsync(m => m.Consumer == WaitingListsReplayedConsumer.InboxName && m.ProcessedAt >= since, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting-list projection: replay {RequestId} asked of Patients")]
    private static partial void LogRequested(ILogger logger, Guid requestId);
}
