namespace Platform.Messaging;

/// <summary>A message a consumer has applied. Keyed (MessageId, Consumer): a second delivery finds it and does nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
