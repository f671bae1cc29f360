using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// A backend's health as YARP sees it: the state its active health checks (each destination's <c>/health</c>, every
/// 5 s) and passive ones keep, so what the gateway reports is what it routes by, without probing the backend a second
/// time. The report is public (health needs no credential), so it counts destinations, never names their addresses.
/// </summary>
internal sealed class BackendHealthCheck(IProxyStateLookup proxy, string clusterId) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster) || cluster.DestinationsState is not { AllDestinations.Count: > 0 } destinations)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no destination resolved"));
        }

        var sick = destinations.AllDestinations.Count(d => d.Health.Active == DestinationHealth.Unhealthy || d.Health.Passive == DestinationHealth.Unhealthy);
        var total = destinations.AllDestinations.Count;
        return Task.FromResult(sick < total
            ? HealthCheckResult.Healthy($"{total - sick} of {total} destination(s) available")
            : HealthCheckResult.Unhealthy($"every destination failed its health checks ({total})"));
    }
}
