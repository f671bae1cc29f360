using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;
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
        var tokens = new PlatformTokenCache(PlatformToken.Key(builder.Configuration), TimeProvider.System);
        builder.Services.AddReverseProxy().LoadFromConfig(proxy)
            .AddTransforms(context =>
            {
                // The service a cluster reaches is the audience of the identity the gateway signs for it.
                var audience = context.Cluster?.Metadata?.GetValueOrDefault(AudienceMetadata)
                    ?? throw new InvalidOperationException($"ReverseProxy:Clusters:{context.Cluster?.ClusterId}:Metadata:{AudienceMetadata} is missing: the service its tokens are for.");
                context.AddRequestTransform(transform => ForwardCaller(transform, audience, tokens));
            })
            .AddServiceDiscoveryDestinationResolver(); // http://patients → services__patients__http__0 (config, Aspire, the chart)
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

    /// <summary>Cluster metadata naming the service behind the cluster: the audience of the tokens sent to it.</summary>
    public const string AudienceMetadata = "Audience";

    /// <summary>
    /// Tells the service which partner, role and scope made the request, in a token only the platform can sign, for
    /// that service only (the services refuse requests without a valid one). The caller's own credentials (API key,
    /// bearer token) stay at the gateway: services never see a partner's secret.
    /// </summary>
    private static ValueTask ForwardCaller(RequestTransformContext context, string audience, PlatformTokenCache tokens)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove(Partners.ApiKeyAuthenticationHandler.HeaderName); // the partner's secret stays at the gateway
        headers.Authorization = null; // and so does its bearer token
        if (context.HttpContext.User.Identity is System.Security.Claims.ClaimsIdentity { IsAuthenticated: true, Name: { } partner } identity
            && identity.FindFirst(PlatformToken.RoleClaim)?.Value is { } role)
        {
            var scope = identity.FindFirst(Platform.Contracts.PartnerScope.ClaimType)?.Value ?? "";
            // The cached header value as is: no header object built and formatted again for every request.
            headers.TryAddWithoutValidation(Microsoft.Net.Http.Headers.HeaderNames.Authorization, tokens.AuthorizationFor(partner, role, scope, audience));
        }

        return ValueTask.CompletedTask;
    }
}
