namespace Platform.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for pending rows when no commit woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>After this many failed publications a row is set aside (left in the table, with its last error).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Sent outbox rows and inbox rows are kept this long, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
