using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Gateway.Routing;

/// <summary>
/// Asks a backend service for its own <c>/health</c>, through service discovery. The report is public (health needs
/// no credential), so it says what happened, never the backend's address.
/// </summary>
internal sealed class BackendHealthCheck(IHttpClientFactory clients, Uri healthUri) : IHealthCheck
{
    public const string ClientName = "backend-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(healthUri, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"answered {(int)response.StatusCode}")
                : HealthCheckResult.Unhealthy($"answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"cannot be reached ({ex.GetType().Name})");
        }
    }
}
