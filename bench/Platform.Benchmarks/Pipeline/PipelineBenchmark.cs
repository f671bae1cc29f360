using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Platform.Geography;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// The event pipeline end to end, on three paths in the same run: RabbitMQ.Client alone; the same database writes by
/// hand; the platform's own pipeline. For each: sustained events per second with a bounded number in flight, the
/// latency from commit to projection at that load and at half of it, and the time to drain a burst written as an
/// import writes (transactions of 1,000). Prints the figures and the ratios the goals are stated in.
/// </summary>
internal static class PipelineBenchmark
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Where the enrolled live: the real communes of Mayenne.
    private static readonly string[] s_communes = [.. FranceGeography.Official.Communes.Where(c => c.Department == "53").Select(c => c.Code)];

    private static readonly DateTimeOffset s_start = DateTimeOffset.UtcNow;

    public static Enrolment NextEnrolment(int sequence) => new()
    {
        Id = Guid.CreateVersion7(),
        PatientId = Guid.CreateVersion7(),
        WaitingList = "territory",
        CommuneCode = s_communes[sequence % s_communes.Length],
        EnrolledAt = s_start.AddMilliseconds(sequence),
    };

    /// <summary>An integer setting from the environment (the benchmark's knobs are listed in bench/README.md).</summary>
    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static async Task<int> RunAsync(int seconds, int burst)
    {
        var window = Setting("BENCH_WINDOW", 1000);
        var producers = Setting("BENCH_PRODUCERS", 8);
        Console.WriteLine($"Event pipeline: {seconds} s sustained per path ({producers} producers, at most {window:N0} events in flight), " +
            $"then half that rate, then a burst of {burst:N0} events written in transactions of 1,000.");
        var only = Environment.GetEnvironmentVariable("BENCH_PATHS");
        var results = new List<Result>();
        foreach (var factory in new Func<IPipelinePath>[] { () => new RawBrokerPath(), () => new RawDatabasePath(), () => new PlatformPath() })
        {
            await using var path = factory();
            if (only is { Length: > 0 } && !only.Split(',').Any(o => path.GetType().Name.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            Console.WriteLine($"{path.Name}:");
            results.Add(await MeasureAsync(path, seconds, burst, window, producers));
        }

        Console.WriteLine();
        Console.WriteLine($"{"path",-48} {"events/s",9} {"p50 ms",8} {"p99 ms",8} {"CPU µs",7} | {"half rate",9} {"p50 ms",8} {"p99 ms",8} | {"burst written",13} {"drained",8}");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-48} {r.Rate,9:N0} {r.P50,8:F1} {r.P99,8:F1} {r.CpuPerEvent,7:N0} | {r.PacedRate,9:N0} {r.PacedP50,8:F1} {r.PacedP99,8:F1} | {r.BurstWritten,11:F1} s {r.BurstDrained,6:F1} s"));
        }

        if (results.Count == 3)
        {
            var (broker, byHand, platform) = (results[0], results[1], results[2]);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"platform ÷ RabbitMQ.Client alone, events/s: {platform.Rate / broker.Rate:F2}   (goal >= 0.5; the same writes by hand reach {byHand.Rate / broker.Rate:F2} of it)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"platform ÷ same writes by hand, events/s: {platform.Rate / byHand.Rate:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"platform burst of {burst:N0}, drained in: {platform.BurstDrained:F1} s   (goal <= 60 s for 100,000)"));
        }

        return 0;
    }

    private static async Task<Result> MeasureAsync(IPipelinePath path, int seconds, int burst, int window, int producers)
    {
        var tracker = new Tracker();
        await path.StartAsync(tracker);
        long produced = 0;

        // Warm-up (JIT, pools, connections), not counted.
        tracker.Reset(trackLatency: false, window);
        produced += await SaturateAsync(path, tracker, TimeSpan.FromSeconds(Math.Max(1, seconds / 10.0)), producers);
        await DrainedAsync(tracker, produced);

        tracker.Reset(trackLatency: true, window);
        var before = tracker.Projected;
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var cpu = new CpuMeter();
        var saturate = SaturateAsync(path, tracker, duration, producers);
        await Task.Delay(duration);
        var rate = (tracker.Projected - before) / clock.Elapsed.TotalSeconds;
        var (self, postgres, broker) = cpu.MicrosecondsPerEvent(tracker.Projected - before);
        var unsent = await path.UnsentAsync();
        produced += await saturate;
        await DrainedAsync(tracker, produced);
        var (p50, p99) = (tracker.PercentileMs(0.50), tracker.PercentileMs(0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sustained: {rate:N0} events/s, write → projection p50 {p50:F1} ms, p99 {p99:F1} ms (at the end, {unsent:N0} of the events in flight were not published yet)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per event: {self + postgres + broker:N0} µs: this process {self:N0}, PostgreSQL {postgres:N0}, RabbitMQ {broker:N0}"));

        var pacedRate = Math.Max(1, rate / 2);
        tracker.Reset(trackLatency: true, window: null);
        produced += await PacedAsync(path, pacedRate, TimeSpan.FromSeconds(Math.Max(2, seconds / 3.0)));
        await DrainedAsync(tracker, produced);
        var (pacedP50, pacedP99) = (tracker.PercentileMs(0.50), tracker.PercentileMs(0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  at {pacedRate:N0} events/s: p50 {pacedP50:F1} ms, p99 {pacedP99:F1} ms"));

        tracker.Reset(trackLatency: false, window: null);
        before = tracker.Projected;
        clock.Restart();
        var published = double.NaN;
        var writing = true;
        var progress = Task.Run(async () =>
        {
            var shown = 0L;
            while (tracker.Projected - before < burst)
            {
                await Task.Delay(250);
                if (double.IsNaN(published) && !Volatile.Read(ref writing) && await path.UnsentAsync() == 0)
                {
                    published = clock.Elapsed.TotalSeconds;
                }

                var done = tracker.Projected - before;
                if (done - shown >= burst / 4 && done < burst)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  burst: {done:N0} / {burst:N0} projected after {clock.Elapsed.TotalSeconds:F0} s"));
                    shown = done;
                }
            }
        });
        await path.ProduceBurstAsync(burst, 1000, CancellationToken.None);
        var written = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref writing, false);
        produced += burst;
        await DrainedAsync(tracker, produced);
        var drained = clock.Elapsed.TotalSeconds;
        await progress;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  burst of {burst:N0}: written in {written:F1} s, all published after {(double.IsNaN(published) ? drained : published):F1} s, all projected after {drained:F1} s"));

        var inDatabase = await path.ProjectionsInDatabaseAsync();
        if (inDatabase != produced)
        {
            throw new InvalidOperationException($"{path.Name}: {produced:N0} events produced, {inDatabase:N0} projections found.");
        }

        return new Result(path.Name, rate, p50, p99, self + postgres + broker, pacedRate, pacedP50, pacedP99, written, drained);
    }

    /// <summary>Producers commit one event per transaction as fast as the window lets them, until the time is up.</summary>
    private static async Task<long> SaturateAsync(IPipelinePath path, Tracker tracker, TimeSpan duration, int producers)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long produced = 0;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await tracker.EnterAsync();
                await path.ProduceOneAsync(CancellationToken.None);
                Interlocked.Increment(ref produced);
            }
        })));
        return produced;
    }

    /// <summary>One event per transaction at a fixed rate (open loop: a slow commit does not slow the next one down).</summary>
    private static async Task<long> PacedAsync(IPipelinePath path, double rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                running.Add(path.ProduceOneAsync(CancellationToken.None));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(running);
        return sent;
    }

    private static async Task DrainedAsync(Tracker tracker, long produced)
    {
        var clock = Stopwatch.StartNew();
        while (tracker.Projected < produced)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{produced - tracker.Projected:N0} of {produced:N0} events not projected after 3 minutes.");
            }

            await Task.Delay(5);
        }
    }

    private sealed record Result(string Name, double Rate, double P50, double P99, double CpuPerEvent, double PacedRate, double PacedP50, double PacedP99,
        double BurstWritten, double BurstDrained);
}
