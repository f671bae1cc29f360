using Yarp.ReverseProxy.ServiceDiscovery;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Routing;

public static class RoutingExtensions
{
    /// <summary>
    /// YARP routes and clusters from the <c>ReverseProxy</c> configuration section; destinations are logical names
    /// (<c>http://patients</c>) resolved by service discovery. YARP probes each destination's <c>/health</c> (active health checks, per
    /// cluster) and routes around a sick one; the backends' state is reported on the gateway's
    /// <c>/health/dependencies</c>, never in its readiness: one service down must not take the whole API down.
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
        builder.Services.Configure<GatewayLimits>(builder.Configuration.GetSection("Gateway"));

        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxy.GetSection("Clusters").GetChildren().Where(c => !c.Key.EndsWith("-grpc", StringComparison.Ordinal)))
        {
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                $"backend:{cluster.Key}",
                sp => new BackendHealthCheck(sp.GetRequiredService<Yarp.ReverseProxy.IProxyStateLookup>(), cluster.Key),
                failureStatus: null,
                tags: [ServiceDefaultsExtensions.DependencyTag]));
        }

        return builder;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), (string Token, DateTimeOffset SignedAt)> s_signed = new();

    /// <summary>
    /// A partner's signed identity, reused for half its lifetime (30 s) rather than signed for every request: a token
    /// then always has at least 30 s left when it reaches a service.
    /// </summary>
    private static string SignedIdentity(string partner, string role, byte[] key, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (s_signed.TryGetValue((partner, role), out var cached) && now - cached.SignedAt < PlatformIdentity.Lifetime / 2)
        {
            return cached.Token;
        }

        var token = PlatformIdentity.Sign(partner, role, now, key);
        s_signed[(partner, role)] = (token, now);
        return token;
    }

    /// <summary>
    /// Tells the services which partner and role made the request, in a token only the gateway can sign (the services
    /// refuse /api requests without a valid one); whatever identity headers the caller sent are dropped, and so are
    /// its credentials (API key, bearer token): services never see a partner's secret.
    /// </summary>
    private static ValueTask ForwardCaller(RequestTransformContext context, byte[] key, TimeProvider time)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove(PlatformIdentity.Header);
        headers.Remove(Partners.ApiKeyAuthenticationHandler.HeaderName); // the partner's secret stays at the gateway
        headers.Authorization = null; // and so does its bearer token
        foreach (var header in PlatformIdentity.UntrustedHeaders)
        {
            headers.Remove(header);
        }

        if (context.HttpContext.User.Identity is System.Security.Claims.ClaimsIdentity { IsAuthenticated: true, Name: { } partner } identity
            && identity.FindFirst(identity.RoleClaimType)?.Value is { } role)
        {
            headers.TryAddWithoutValidation(PlatformIdentity.Header, SignedIdentity(partner, role, key, time));
        }

        return ValueTask.CompletedTask;
    }
}
