using System.Text;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging.ErrorQueues;

/// <summary>
/// Reads and empties this service's error queues over AMQP (no management plugin needed): depth, a look at the
/// messages without taking them, and redelivery to the source queue once the cause is fixed. Redelivery keeps the
/// message's id, so the consumer's inbox still applies it once.
/// </summary>
public sealed class ErrorQueueBroker(IConfiguration configuration, ReceiveEndpointNames endpoints) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public async Task<IReadOnlyList<ErrorQueueDepth>> DepthsAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var depths = new List<ErrorQueueDepth>();
        foreach (var source in endpoints.Queues)
        {
            var queue = source + ReceiveEndpointNames.ErrorSuffix;
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                depths.Add(new ErrorQueueDepth(queue, source, (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount));
            }
            catch (OperationInterruptedException)
            {
                depths.Add(new ErrorQueueDepth(queue, source, 0)); // never faulted: MassTransit declares it on the first fault
            }
        }

        return depths;
    }

    /// <summary>Up to <paramref name="limit"/> messages of the queue, left in it (taken unacknowledged, then given back).</summary>
    public async Task<IReadOnlyList<FaultedMessage>> PeekAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var messages = new List<FaultedMessage>();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        while (messages.Count < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } delivery)
        {
            messages.Add(Describe(delivery));
        }

        await channel.CloseAsync(cancellationToken); // unacknowledged: every message goes back to the queue
        return messages;
    }

    /// <summary>
    /// Moves messages back to the queue they faulted on: every message, or only <paramref name="messageId"/>. Each is
    /// published with publisher confirms before it leaves the error queue, so a crash in between duplicates (the
    /// inbox absorbs it) and never loses.
    /// </summary>
    public async Task<int> RedeliverAsync(string queue, string source, string? messageId, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var depth = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        var moved = 0;
        for (var i = 0; i < depth && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } delivery; i++)
        {
            if (messageId is not null && delivery.BasicProperties.MessageId != messageId)
            {
                continue; // left unacknowledged: back in the queue when the channel closes
            }

            var properties = new BasicProperties(delivery.BasicProperties) { Headers = WithoutFault(delivery.BasicProperties.Headers) };
            await channel.BasicPublishAsync(string.Empty, source, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        await channel.CloseAsync(cancellationToken);
        return moved;
    }

    private static FaultedMessage Describe(BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        return new FaultedMessage(
            delivery.BasicProperties.MessageId,
            EnvelopeMessageType(delivery.Body) ?? delivery.BasicProperties.Type,
            Header(headers, "MT-Reason"),
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            Header(headers, "MT-Fault-Timestamp"),
            delivery.Redelivered,
            Encoding.UTF8.GetString(delivery.Body.Span));
    }

    /// <summary>The first <c>messageType</c> URN of a MassTransit envelope; null for a body that is not one.</summary>
    private static string? EnvelopeMessageType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && json.RootElement.TryGetProperty("messageType", out var types)
                   && types.ValueKind == System.Text.Json.JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the malformed message itself: its body is shown as it came
        }
    }

    private static Dictionary<string, object?>? WithoutFault(IDictionary<string, object?>? headers) =>
        headers?.Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
            .ToDictionary(h => h.Key, h => h.Value);

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                var uri = new Uri(configuration.GetConnectionString(MessagingRegistration.BrokerConnectionName)!);
                _connection = await new ConnectionFactory { Uri = uri, ClientProvidedName = "error-queues" }.CreateConnectionAsync(cancellationToken);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
