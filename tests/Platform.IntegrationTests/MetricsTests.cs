using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Coordination.Indicators;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Prometheus' view of the services: /metrics on the metrics port only, and every metric the shipped alerts and dashboards name.</summary>
[Collection(nameof(PlatformHosts))]
public partial class MetricsTests(PlatformHosts hosts)
{
    private IEnumerable<(string Name, Func<WebApplicationFactoryClientOptions, HttpClient> Client, Func<HttpClient> Api)> Services() =>
    [
        ("patients", hosts.Patients.CreateClient, () => PlatformHosts.ClientOf(hosts.Patients)),
        ("missions", hosts.Missions.CreateClient, () => PlatformHosts.ClientOf(hosts.Missions)),
        ("funding", hosts.Funding.CreateClient, () => PlatformHosts.ClientOf(hosts.Funding)),
        ("coordination", hosts.Coordination.CreateClient, () => PlatformHosts.ClientOf(hosts.Coordination)),
    ];

    private static WebApplicationFactoryClientOptions OnMetricsPort => new() { BaseAddress = new Uri($"http://localhost:{PlatformHosts.MetricsPort}") };

    [Fact]
    public async Task Each_service_serves_its_metrics_on_the_metrics_port_and_not_on_its_api_port()
    {
        foreach (var (name, client, signed) in Services())
        {
            using var scrape = client(OnMetricsPort);
            var text = await scrape.GetStringAsync("/metrics");
            Assert.Contains("platform_outbox_pending", text, StringComparison.Ordinal);
            Assert.Contains("target_info{", text, StringComparison.Ordinal); // the resource: service name, version, environment
            Assert.Matches($"service_name=\"{name}\"", text);

            using var api = signed();
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics")).StatusCode); // even for an identified caller
        }
    }

    [Fact]
    public async Task Every_metric_the_shipped_alerts_and_dashboards_name_is_one_the_services_export()
    {
        var shipped = new[] { RepositoryRoot.File("helm", "platform", "templates", "monitoring.yaml") }
            .Concat(Directory.GetFiles(RepositoryRoot.File("helm", "platform", "dashboards"), "*.json"))
            .Select(File.ReadAllText);
        var named = shipped.SelectMany(text => PlatformMetric().Matches(text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.True(named.Count > 15, string.Join(", ", named));

        // Events through the whole pipeline first (outbox, broker, consumer), one of them refused by its consumer:
        // MassTransit's instruments exist once used.
        var commune = PlatformHosts.UniqueCommune();
        using var patients = PlatformHosts.ClientOf(hosts.Patients);
        (await patients.PostAsJsonAsync("/api/patients", new { nir = Nirs.Valid(1950), firstName = "Metric", lastName = "Pipeline", birthDate = "1950-03-01", communeCode = commune })).EnsureSuccessStatusCode();
        Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 1));
        await hosts.Observer.Publish(new PatientRegistered(Guid.NewGuid(), "ABCDE", 1950, DateTimeOffset.UtcNow)); // not an INSEE code: a fault

        // The gauges sampled periodically appear within their period (health: 15 s); the territory's (every minute) now.
        var territory = hosts.Coordination.Services.GetServices<IHostedService>().OfType<TerritoryMetrics>().Single();
        var missing = await Eventually.UntilAsync(
            async () =>
            {
                await territory.SampleAsync(CancellationToken.None);
                return named.Except(await ExportedAsync()).ToList();
            },
            m => m.Count == 0, TimeSpan.FromSeconds(40));
        Assert.True(missing.Count == 0, $"named by an alert or a dashboard but exported by no service: {string.Join(", ", missing)}");
    }

    private async Task<HashSet<string>> ExportedAsync()
    {
        var exported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, client, _) in Services())
        {
            using var scrape = client(OnMetricsPort);
            exported.UnionWith(MetricLine().Matches(await scrape.GetStringAsync("/metrics")).Select(m => m.Groups[1].Value));
        }

        return exported;
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex MetricLine();

    /// <summary>
    /// The services' own metric names in PromQL. The gateway's HTTP metrics and MassTransit's are checked end to end,
    /// each host in its own process: here several buses share one, and the first one stopped ends MassTransit's
    /// streams for all.
    /// </summary>
    [GeneratedRegex(@"\b((?:platform|db_client)_[a-z_]+)\{")]
    private static partial Regex PlatformMetric();
}
