namespace Platform.Messaging;

/// <summary>
/// An integration event waiting to be published. Written in the same transaction as the state change it announces;
/// the <see cref="OutboxDispatcher{TDbContext}"/> publishes it with its fixed <see cref="MessageId"/> and marks it sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The MassTransit MessageId, fixed at write time so that a re-publication is recognised downstream.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Full name of the event type in Platform.Contracts.</summary>
    public required string MessageType { get; set; }

    /// <summary>The event as JSON (jsonb).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>W3C traceparent of the request that wrote the event, so the trace continues through the broker.</summary>
    public string? TraceParent { get; set; }
}
