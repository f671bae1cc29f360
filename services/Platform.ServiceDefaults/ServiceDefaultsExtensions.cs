using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults;

/// <summary>
/// The defaults every platform host starts with, following .NET Aspire's ServiceDefaults:
/// OpenTelemetry, health endpoints, service discovery, HTTP resilience and RFC 9457 problem details.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of the checks that make <c>/alive</c>: the process itself, never a dependency.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// Tag of the checks that make <c>/health</c> (readiness): what the host needs to serve its own routes, i.e. its
    /// own database. A check without it (the broker, another service) is reported on <c>/health/dependencies</c> and
    /// in the <c>platform.health.status</c> metric, never taking the pod out of its Service: one outage must not
    /// cascade into a total one.
    /// </summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks of what the host uses but can live without for a while (the outbox covers the broker).</summary>
    public const string DependencyTag = "dependency";

    /// <summary>ActivitySource names traced besides ASP.NET Core and HttpClient (gRPC clients ride on HttpClient).</summary>
    private static readonly string[] s_extraSources = ["MassTransit", "Platform.Messaging"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddPlatformProblemDetails();
        // Declarative checks on route and query parameters ([InseeCommune], [RppsNumber]...): a 400 naming the parameter.
        builder.Services.AddValidation();
        // The input policy for bodies, on every string, date and list of every route (see PlainTextConverter, PlausibleDateConverter, NoNullElements).
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new PlainTextConverter());
            o.SerializerOptions.Converters.Add(new PlausibleDateConverter());
            o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), NoNullElements.Modify);
        });
        // Kestrel reads only its endpoints from configuration; the limits (request body size...) are bound here.
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            builder.Configuration.GetSection("Kestrel:Limits").Bind(o.Limits);
            o.ConfigureEndpointDefaults(KestrelRejections.Use); // Kestrel's own refusals as problem details too
        });
        return builder;
    }

    /// <summary>
    /// OpenTelemetry: traces, metrics and logs. HttpClient's metrics (<c>Telemetry:HttpClientMetrics</c>, on by default)
    /// can be turned off where they repeat other metrics: the gateway's repeat each service's own request metrics, and
    /// recording them is a few µs of every proxied request.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var instance = new PlatformInstance();
        builder.Services.AddSingleton(instance);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => TelemetryResource.Describe(resource, builder.Environment, instance.Id))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit", "Platform.Messaging", "Platform.Territory", HealthMetrics.MeterName)
                .AddPrometheusExporterWhen(MetricsPort(builder.Configuration) is not null))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(s_extraSources)
                .AddNpgsql()
                .AddAspNetCoreInstrumentation(o =>
                    // Probes would drown the traces that matter.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health")
                                      && !ctx.Request.Path.StartsWithSegments("/alive"))
                // HttpClient's own spans: since .NET 9 the runtime sets their OpenTelemetry attributes and propagates the
                // trace context itself; OpenTelemetry's HttpClient instrumentation library would only subscribe to its
                // DiagnosticListener events on top (0.2 KB and a few µs of every proxied request, bench/README.md).
                .AddSource("System.Net.Http"));
        if (builder.Configuration.GetValue("Telemetry:HttpClientMetrics", defaultValue: true))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("System.Net.Http", "System.Net.NameResolution"));
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The port of the optional "Metrics" Kestrel endpoint (<c>Kestrel:Endpoints:Metrics:Url</c>, set by the chart when
    /// Prometheus scrapes the pods, and by the AppHost): <c>/metrics</c> is served there only, never on the API's port.
    /// </summary>
    public static int? MetricsPort(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration["Kestrel:Endpoints:Metrics:Url"];
        var colon = url?.TrimEnd('/').LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(url!.TrimEnd('/')[(colon + 1)..], out var port) ? port : null;
    }

    private static MeterProviderBuilder AddPrometheusExporterWhen(this MeterProviderBuilder metrics, bool enabled) =>
        enabled ? metrics.AddPrometheusExporter() : metrics;

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetrics>();
        builder.Services.Configure<HealthCheckPublisherOptions>(o => o.Period = TimeSpan.FromSeconds(15));
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: readiness, the checks tagged <see cref="ReadyTag"/> (the host's own database), with a JSON report.
    /// <c>/health/dependencies</c>: every check, dependencies included (broker, backends): a report, never a probe.
    /// <c>/alive</c>: liveness, the process only.
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag) || r.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous(); // probes carry no identity; the reports name checks, never data
        app.MapHealthChecks("/health/dependencies", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        if (MetricsPort(app.ServiceProvider.GetRequiredService<IConfiguration>()) is { } port)
        {
            // Prometheus' scrape, on the metrics port only (the chart lets only the monitoring namespace reach it).
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{port}").AllowAnonymous();
        }

        return app;
    }
}
