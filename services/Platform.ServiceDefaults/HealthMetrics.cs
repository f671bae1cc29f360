using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults;

/// <summary>
/// Every health check's last result as the gauge <c>platform.health.status</c> (1 healthy, 0.5 degraded, 0
/// unhealthy; tag <c>check</c>), refreshed by the health-check publisher every 15 s: the broker's and the backends'
/// state is visible to monitoring without being a readiness probe.
/// </summary>
internal sealed class HealthMetrics : IHealthCheckPublisher
{
    public const string MeterName = "Platform.Health";

    private readonly ConcurrentDictionary<string, double> _last = new();
    public HealthMetrics(IMeterFactory meters, PlatformInstance instance)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(instance);
        meters.Create(instance.Meter(MeterName)).CreateObservableGauge("platform.health.status", Observe, description: "Last result of each health check: 1 healthy, 0.5 degraded, 0 unhealthy.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, entry) in report.Entries)
        {
            _last[name] = entry.Status switch
            {
                HealthStatus.Healthy => 1,
                HealthStatus.Degraded => 0.5,
                _ => 0,
            };
        }

        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<double>> Observe() =>
        _last.Select(e => new Measurement<double>(e.Value, new KeyValuePair<string, object?>("check", e.Key)));
}
