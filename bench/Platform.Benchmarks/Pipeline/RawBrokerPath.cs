using System.Text.Json;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// Baseline 1, the broker alone: the same event (PatientEnrolled as JSON) published with confirms and consumed with
/// manual acknowledgements, no database. "Committed" is the publisher's confirm, "projected" the consumer's handler.
/// </summary>
internal sealed class RawBrokerPath : IPipelinePath
{
    private readonly RawBroker _broker = new();
    private TestVirtualHost? _vhost;
    private Tracker _tracker = null!;
    private int _sequence;
    private long _consumed;

    public string Name => "RabbitMQ.Client alone (confirms, manual acks)";

    public async Task StartAsync(Tracker tracker)
    {
        _tracker = tracker;
        _vhost = await TestVirtualHost.CreateAsync("bench-raw");
        await _broker.StartAsync(_vhost.Uri, delivery =>
        {
            Interlocked.Increment(ref _consumed);
            tracker.ProjectionCommitted(Guid.Parse(delivery.BasicProperties.MessageId!));
            return Task.CompletedTask;
        });
    }

    public async Task ProduceOneAsync(CancellationToken cancellationToken)
    {
        var message = Next();
        _tracker.Writing(message.MessageId);
        await _broker.PublishAsync([message], cancellationToken);
    }

    public async Task ProduceBurstAsync(int count, int batch, CancellationToken cancellationToken)
    {
        for (var done = 0; done < count; done += batch)
        {
            await _broker.PublishAsync([.. Enumerable.Range(0, Math.Min(batch, count - done)).Select(_ => Next())], cancellationToken);
        }
    }

    private (Guid MessageId, ReadOnlyMemory<byte> Body) Next()
    {
        var e = PipelineBenchmark.NextEnrolment(Interlocked.Increment(ref _sequence));
        return (Guid.CreateVersion7(), JsonSerializer.SerializeToUtf8Bytes(
            new PatientEnrolled(e.PatientId, e.Id, e.WaitingList, e.CommuneCode, e.EnrolledAt), PipelineBenchmark.Json));
    }

    public Task<long> UnsentAsync() => Task.FromResult(0L);

    public Task<long> ProjectionsInDatabaseAsync() => Task.FromResult(Interlocked.Read(ref _consumed));

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }
}
