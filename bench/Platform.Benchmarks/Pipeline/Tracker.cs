using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// Counts the events a path has projected and, while latencies are tracked, the time from the start of each event's
/// transaction (or publication, for the bare broker) to its projection's commit. A window, when set, bounds the events
/// in flight: a producer takes a place before it writes, the projection gives it back.
/// </summary>
internal sealed class Tracker
{
    private readonly ConcurrentDictionary<Guid, long> _pending = new();
    private readonly ConcurrentQueue<long> _latencies = new();
    private long _projected;

    private SemaphoreSlim? _window;

    public bool TrackLatency { get; private set; }

    public long Projected => Interlocked.Read(ref _projected);

    /// <summary>Starts a phase: latencies tracked or not, at most <paramref name="window"/> events in flight (null: no bound).</summary>
    public void Reset(bool trackLatency, int? window)
    {
        TrackLatency = trackLatency;
        _window = window is { } places ? new SemaphoreSlim(places) : null;
        _pending.Clear();
        _latencies.Clear();
    }

    /// <summary>Waits for a place in the window (at once when there is no window).</summary>
    public Task EnterAsync() => _window?.WaitAsync() ?? Task.CompletedTask;

    /// <summary>The producer is about to write the event (call it before the transaction or publication starts).</summary>
    public void Writing(Guid messageId)
    {
        if (TrackLatency)
        {
            _pending[messageId] = Stopwatch.GetTimestamp();
        }
    }

    public void ProjectionCommitted(Guid messageId)
    {
        Interlocked.Increment(ref _projected);
        _window?.Release();
        if (TrackLatency && _pending.TryRemove(messageId, out var writing))
        {
            _latencies.Enqueue(Stopwatch.GetTimestamp() - writing);
        }
    }

    /// <summary>Latency percentile in milliseconds of the events tracked since the last reset.</summary>
    public double PercentileMs(double p)
    {
        var sorted = _latencies.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
