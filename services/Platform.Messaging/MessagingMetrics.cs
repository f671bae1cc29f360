using System.Diagnostics.Metrics;
using Platform.ServiceDefaults;

namespace Platform.Messaging;

/// <summary>
/// The platform's own messaging instruments (meter <see cref="MeterName"/>, exported by ServiceDefaults): the outbox's
/// backlog and throughput, the inbox's skipped duplicates, the error queues' depth (<c>ErrorQueueMonitor</c>).
/// Consumption and consumer faults per consumer come from MassTransit's own meter (<c>messaging.masstransit.consume</c>,
/// <c>messaging.masstransit.consume.errors</c>, tag <c>messaging.masstransit.consumer_type</c>). docs/operations.md
/// lists them with the alerts built on them.
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _duplicates;
    private OutboxBacklog _backlog = new(0, 0, null);

    public MessagingMetrics(IMeterFactory meters, PlatformInstance instance, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(time);
        var meter = meters.Create(instance.Meter(MeterName));
        _published = meter.CreateCounter<long>("platform.outbox.published", "{event}", "Events published from the outbox to the broker.");
        _failures = meter.CreateCounter<long>("platform.outbox.failures", "{failure}",
            "Outbox dispatches that failed (tag reason: unavailable when the broker or the database is down, unknown_type when a row names no known event); the rows stay pending.");
        meter.CreateObservableGauge("platform.outbox.pending", () => _backlog.Pending, "{event}",
            "Events committed but not yet published (sampled every 15 s).");
        meter.CreateObservableGauge("platform.outbox.oldest_pending_age", () => _backlog.OldestPending is { } oldest ? (time.GetUtcNow() - oldest).TotalSeconds : 0, "s",
            "Age of the oldest event waiting in the outbox: how far the broker lags behind the database.");
        meter.CreateObservableGauge("platform.outbox.set_aside", () => _backlog.SetAside, "{event}",
            "Events given up after Messaging:Outbox:MaxAttempts failed publications (left in outbox_messages with their last error).");
        _duplicates = meter.CreateCounter<long>("platform.inbox.duplicates_skipped", "{message}",
            "Messages delivered again and skipped by the inbox (tag consumer): at-least-once delivery, applied once.");

        // Series from zero: a rate over them works from the start, and an alert on them never meets a missing series.
        _published.Add(0);
        _duplicates.Add(0);
        foreach (var reason in new[] { Unavailable, UnknownType })
        {
            _failures.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    /// <summary>A dispatch that failed because the broker or the database could not be reached.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A row naming an event type this version does not know (set aside).</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>The last sample of the outbox (pending rows, rows set aside, occurrence of the oldest pending).</summary>
    public OutboxBacklog Backlog
    {
        get => Volatile.Read(ref _backlog);
        set => Volatile.Write(ref _backlog, value);
    }

    public void Published(int count) => _published.Add(count);

    public void DispatchFailed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void DuplicateSkipped(string consumer) => _duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
}
