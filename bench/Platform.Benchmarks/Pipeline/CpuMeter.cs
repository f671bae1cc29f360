using System.Diagnostics;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// CPU spent by this process (producers, dispatcher and consumers: every path runs them here), by PostgreSQL and by
/// RabbitMQ (the Erlang VM) between a start and a stop, to say per event where the time of two shared cores goes.
/// </summary>
internal sealed class CpuMeter
{
    private readonly (TimeSpan Self, TimeSpan Postgres, TimeSpan Broker) _start = Sample();

    public (double Self, double Postgres, double Broker) MicrosecondsPerEvent(long events)
    {
        var end = Sample();
        return (Per(end.Self - _start.Self), Per(end.Postgres - _start.Postgres), Per(end.Broker - _start.Broker));
        double Per(TimeSpan cpu) => events == 0 ? double.NaN : cpu.TotalMicroseconds / events;
    }

    private static (TimeSpan Self, TimeSpan Postgres, TimeSpan Broker) Sample()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, Total("postgres"), Total("beam.smp"));
    }

    /// <summary>CPU of every process whose command is <paramref name="name"/>, from /proc (user + system ticks of 10 ms).</summary>
    private static TimeSpan Total(string name)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < 0 || stat.AsSpan(open + 1, close - open - 1).SequenceEqual(name) is false)
                {
                    continue;
                }

                // After the command: state, ppid, ... utime is field 14 and stime 15 of the whole line (11 and 12 here).
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // not a process, or gone meanwhile
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
