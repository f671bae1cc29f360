using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>
/// Rebuilding the waiting-list projection from Patients: asked at start when the projection is empty (an upgrade from
/// a version without it, a restored or new database: an empty registry answers one empty page), or by an administrator
/// (<c>POST /api/missions/admin/waiting-lists/replay</c>, for a projection found behind). The request leaves through
/// the outbox; Patients answers with pages of the entries open then (<see cref="WaitingListsReplayedConsumer"/>).
/// </summary>
public sealed partial class WaitingListReplay(MissionsDbContext db, TimeProvider time, ILogger<WaitingListReplay> logger) : IPostMigrationStep
{
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
            await RequestAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting-list projection: replay {RequestId} asked of Patients")]
    private static partial void LogRequested(ILogger logger, Guid requestId);
}
