namespace Platform.Coordination.Indicators;

/// <summary>A waiting-list entry as the events tell it, so the oldest wait is known whatever order they came in.</summary>
public sealed class WaitingEntry
{
    public Guid EntryId { get; init; }

    public required string CommuneCode { get; set; }

    public DateTimeOffset? EnrolledAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}
