using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// RabbitMQ.Client alone, as the baselines use it: a durable fanout exchange bound to a durable queue, persistent
/// messages published with confirms (each publication returns once the broker confirmed it), one channel per
/// concurrent publisher, and a consumer acknowledging each message by hand after its handler ran.
/// </summary>
internal sealed class RawBroker : IAsyncDisposable
{
    public const string Exchange = "bench-patient-enrolled";
    public const string Queue = "bench-patient-enrolled-projection";
    private readonly ConcurrentBag<IChannel> _publishers = [];
    private IConnection? _connection;
    private IChannel? _consumerChannel;

    public static int Prefetch => PipelineBenchmark.Setting("BENCH_RAW_PREFETCH", 64);

    public static int Concurrency => PipelineBenchmark.Setting("BENCH_RAW_CONCURRENCY", 16);

    public async Task StartAsync(Uri broker, Func<BasicDeliverEventArgs, Task> handle)
    {
        _connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        _consumerChannel = await _connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)Concurrency));
        await _consumerChannel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        await _consumerChannel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await _consumerChannel.QueueBindAsync(Queue, Exchange, string.Empty);
        await _consumerChannel.BasicQosAsync(0, (ushort)Prefetch, false);
        var consumer = new AsyncEventingBasicConsumer(_consumerChannel);
        var channel = _consumerChannel;
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                await handle(delivery);
            }
            catch (Exception ex)
            {
                await Console.Error.WriteLineAsync($"The baseline's handler failed (the message stays unacknowledged): {ex}");
                throw;
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await _consumerChannel.BasicConsumeAsync(Queue, autoAck: false, consumer);
    }

    /// <summary>Publishes the messages and returns once the broker confirmed every one of them.</summary>
    public async Task PublishAsync(IReadOnlyList<(Guid MessageId, ReadOnlyMemory<byte> Body)> messages, CancellationToken cancellationToken)
    {
        if (!_publishers.TryTake(out var channel))
        {
            channel = await _connection!.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
        }

        try
        {
            var confirms = new Task[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                var properties = new BasicProperties { Persistent = true, MessageId = messages[i].MessageId.ToString(), ContentType = "application/json" };
                confirms[i] = channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, properties, messages[i].Body, cancellationToken).AsTask();
            }

            await Task.WhenAll(confirms);
        }
        finally
        {
            _publishers.Add(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _publishers)
        {
            await channel.DisposeAsync();
        }

        if (_consumerChannel is not null)
        {
            await _consumerChannel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
