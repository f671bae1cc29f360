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
        var key = PlatformIdentity.Key(builder.Configuration)
            ?? throw new InvalidOperationException($"{PlatformIdentity.KeySetting} is required: the gateway signs the identity it passes to the services.");
        var time = TimeProvider.System;
        builder.Services.AddReverseProxy().LoadFromConfig(proxy)
            .AddTransforms(context => context.AddRequestTransform(transform => ForwardCaller(transform, key, time)));
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxy.GetSection("Clusters").GetChildren().Where(c => !c.Key.EndsWith("-grpc", StringComparison.Ordinal)))
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

    /// <summary>
    /// Tells the services which partner and role made the request, in a token only the gateway can sign (the services
    /// refuse /api requests without a valid one); whatever identity headers the caller sent are dropped.
    /// </summary>
    private static ValueTask ForwardCaller(RequestTransformContext context, byte[] key, TimeProvider time)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove(PlatformIdentity.Header);
        foreach (var header in PlatformIdentity.UntrustedHeaders)
        {
            headers.Remove(header);
        }

        if (context.HttpContext.User.Identity is System.Security.Claims.ClaimsIdentity { IsAuthenticated: true, Name: { } partner } identity
            && identity.FindFirst(identity.RoleClaimType)?.Value is { } role)
        {
            headers.TryAddWithoutValidation(PlatformIdentity.Header, PlatformIdentity.Sign(partner, role, time.GetUtcNow(), key));
        }

        return ValueTask.CompletedTask;
    }
}
