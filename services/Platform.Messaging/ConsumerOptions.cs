namespace Platform.Messaging;

/// <summary>How each receive endpoint takes messages from its queue (<c>Messaging:Consumers</c>).</summary>
public sealed class ConsumerOptions
{
    /// <summary>
    /// Messages the broker sends ahead, unacknowledged (RabbitMQ's prefetch). 64 with 16 at once drained a burst a
    /// quarter faster than MassTransit's default and kept a saturated pipeline's latency under 200 ms instead of a
    /// second (bench/pipeline-benchmark.sh, bench/README.md).
    /// </summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>
    /// Messages one endpoint handles at once, each in its own transaction: at most this many of the database pool's
    /// connections per busy endpoint (docs/operations.md sizes the pool).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 16;
}
