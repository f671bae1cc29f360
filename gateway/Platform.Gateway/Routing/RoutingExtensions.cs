using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.Routing;

public static class RoutingExtensions
{
    /// <summary>
    /// YARP routes and clusters from the <c>ReverseProxy</c> configuration section; destinations are logical names
    /// (<c>http://patients</c>) resolved by service discovery; each backend's <c>/health</c> joins the gateway's.
    /// </summary>
    public static WebApplicationBuilder AddPlatformRouting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(proxy);
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxy.GetSection("Clusters").GetChildren())
        {
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                var address = destination["Address"];
                if (address is not null)
                {
                    health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                        $"backend:{cluster.Key}",
                        sp => new BackendHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), new Uri(new Uri(address), "/health")),
                        failureStatus: null,
                        tags: ["backend"],
                        timeout: TimeSpan.FromSeconds(5)));
                }
            }
        }

        return builder;
    }
}
