namespace Platform.Contracts.Events;

/// <summary>
/// Missions asks Patients for everyone waiting now, to rebuild its waiting-list projection: found empty at start (an
/// upgrade from a version without it, a restored database), or asked for by an administrator. Answered by
/// <see cref="WaitingListsReplayed"/> pages carrying the same <paramref name="RequestId"/>.
/// </summary>
public sealed record WaitingListsReplayRequested(Guid RequestId, DateTimeOffset RequestedAt) : IIntegrationEvent;
