namespace Platform.Messaging;

/// <summary>A sample of an outbox: rows to publish, rows given up, when the oldest pending one occurred.</summary>
public sealed record OutboxBacklog(long Pending, long SetAside, DateTimeOffset? OldestPending);
