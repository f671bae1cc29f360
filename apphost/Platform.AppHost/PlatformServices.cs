using Platform.AppHost.Servers;

namespace Platform.AppHost;

/// <summary>How every host of the platform is declared: its endpoints, its database, the broker, its health.</summary>
internal static class PlatformServices
{
    /// <summary>
    /// Neither appsettings' Kestrel endpoints nor launch profiles: Aspire gives the ports (a second stack on the machine
    /// gets its own), and the endpoints are declared here.
    /// </summary>
    public static void WithoutLaunchSettings(ProjectResourceOptions options)
    {
        options.ExcludeKestrelEndpoints = true;
        options.ExcludeLaunchProfile = true;
    }

    /// <summary>A service: REST and gRPC endpoints, its own database, the broker, the identity key; ready on /health.</summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(this IDistributedApplicationBuilder builder,
        string name, ServerSet servers, IResourceBuilder<ParameterResource> identityKey)
        where TProject : IProjectMetadata, new()
    {
        var database = servers.Database(name);
        return builder.AddProject<TProject>(name, WithoutLaunchSettings)
            .WithPlatformEndpoints(httpPort: null, grpcPort: null)
            .WithEnvironment("Platform__Identity__Key", identityKey)
            .WithReference(database).WaitFor(database)
            .WithReference(servers.Messaging).WaitFor(servers.Messaging);
    }

    /// <summary>
    /// Each host listens on three Kestrel endpoints, as in every environment: "Http" (HTTP/1.1, REST), "Grpc" (HTTP/2
    /// cleartext) and "Metrics" (Prometheus' <c>/metrics</c>). Aspire publishes them to the others as services__{name}__http__0 / __grpc__0. Fixed ports (the
    /// gateway's) are served directly; others are Aspire's, behind its proxy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformEndpoints(this IResourceBuilder<ProjectResource> host,
        int? httpPort, int? grpcPort)
    {
        var proxied = httpPort is null;
        return host
            .WithHttpEndpoint(port: httpPort, targetPort: httpPort, name: "http", isProxied: proxied)
            .WithHttpEndpoint(port: grpcPort, targetPort: grpcPort, name: "grpc", isProxied: proxied)
            .WithHttpEndpoint(name: "metrics", isProxied: false) // no proxy: the Host header names the port /metrics is served on; Prometheus' scrape (/metrics), as in the cluster; the dashboard gets the same by OTLP
            .WithEnvironment(context =>
            {
                var http = host.GetEndpoint("http");
                var grpc = host.GetEndpoint("grpc");
                var metrics = host.GetEndpoint("metrics");
                var env = context.EnvironmentVariables;
                env["ASPNETCORE_ENVIRONMENT"] = "Development";
                env["Kestrel__Endpoints__Http__Url"] = ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}");
                env["Kestrel__Endpoints__Grpc__Url"] = ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}");
                env["Kestrel__Endpoints__Grpc__Protocols"] = "Http2";
                env["Kestrel__Endpoints__Metrics__Url"] = ReferenceExpression.Create($"http://localhost:{metrics.Property(EndpointProperty.TargetPort)}");
            })
            .WithReadinessProbe();
    }

    private static readonly HttpClient s_probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>Healthy when <c>/health</c> answers 200 (the service's readiness: its database, the broker…).</summary>
    public static IResourceBuilder<ProjectResource> WithReadinessProbe(this IResourceBuilder<ProjectResource> host) =>
        host.WithProbe(async cancellationToken =>
        {
            var health = new Uri(host.GetEndpoint("http").Url + "/health");
            using var response = await s_probe.GetAsync(health, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{health} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        });

    /// <summary>The gateway's links in the dashboard: the API, its documentation, the CPTS page.</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayUrls(this IResourceBuilder<ProjectResource> gateway) =>
        gateway.WithUrls(context =>
        {
            if (context.Urls.FirstOrDefault(u => u.Endpoint?.EndpointName == "http") is not { } http)
            {
                return;
            }

            http.DisplayText = "Gateway (partners call this)";
            context.Urls.Add(new ResourceUrlAnnotation { Url = http.Url.TrimEnd('/') + "/docs", DisplayText = "API docs" });
            context.Urls.Add(new ResourceUrlAnnotation { Url = http.Url.TrimEnd('/') + "/coordination/", DisplayText = "CPTS indicators page" });
        });
}
