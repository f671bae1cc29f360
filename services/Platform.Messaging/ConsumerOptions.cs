namespace Platform.Messaging;

/// <summary>How each receive endpoint takes messages from its queue (<c>Messaging:Consumers</c>).</summary>
public sealed class ConsumerOptions
{
    /// <summary>Messages the broker sends ahead, unacknowledged (RabbitMQ's prefetch). Null: MassTransit's default.</summary>
    public int? PrefetchCount { get; set; }

    /// <summary>Messages one endpoint handles at once. Null: as many as the prefetch.</summary>
    public int? ConcurrentMessageLimit { get; set; }
}
