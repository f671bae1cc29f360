using Yarp.ReverseProxy.ServiceDiscovery;
using Yarp.ReverseProxy.Transforms;

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
        builder.Services.AddReverseProxy().LoadFromConfig(proxy).AddTransforms(context => context.AddRequestTransform(ForwardCaller));
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

    /// <summary>Identity headers the gateway sets for the services; whatever a caller sent under these names is dropped.</summary>
    public static readonly string[] CallerHeaders = ["X-Platform-Partner", "X-Platform-Role"];

    /// <summary>Tells the services which partner and role made the request (they record it in their access audit).</summary>
    private static ValueTask ForwardCaller(RequestTransformContext context)
    {
        foreach (var header in CallerHeaders)
        {
            context.ProxyRequest.Headers.Remove(header);
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            context.ProxyRequest.Headers.TryAddWithoutValidation(CallerHeaders[0], user.Identity.Name);
            context.ProxyRequest.Headers.TryAddWithoutValidation(CallerHeaders[1], user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value);
        }

        return ValueTask.CompletedTask;
    }
}
