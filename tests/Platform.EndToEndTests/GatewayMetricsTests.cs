using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEndTests;

/// <summary>What the gateway tells Prometheus: its requests by partner and status, on its metrics port only, and who it is.</summary>
[Collection(nameof(RunningPlatform))]
public partial class GatewayMetricsTests(RunningPlatform platform)
{
    [Fact]
    public async Task Requests_are_counted_by_partner_and_status_refusals_included()
    {
        using var keyed = platform.CreateGatewayClient();
        using var anonymous = platform.CreateAnonymousGatewayClient();
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/missions/sites")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/missions/sites")).StatusCode);
        using var funder = platform.CreateAnonymousGatewayClient();
        funder.DefaultRequestHeaders.Add("X-Api-Key", platform.RoleKeys["funder"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await funder.PostAsync("/api/missions/sites", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        using var prometheus = new HttpClient { BaseAddress = platform.Metrics("gateway") };
        var text = await prometheus.GetStringAsync("/metrics");

        Assert.Matches(Count("e2e", "200"), text);
        Assert.Matches(Count("anonymous", "401"), text);
        Assert.Matches(Count("e2e-funder", "403"), text);
        Assert.Matches("target_info\\{[^}]*service_name=\"gateway\"", text);
        Assert.Equal(HttpStatusCode.NotFound, (await keyed.GetAsync("/metrics")).StatusCode); // never on the partners' port
    }

    /// <summary>A request-count series of the gateway with this partner and status, counting at least one request.</summary>
    private static Regex Count(string partner, string status) =>
        new($"^http_server_request_duration_seconds_count\\{{(?=[^\\n]*http_response_status_code=\"{status}\")(?=[^\\n]*platform_partner=\"{Regex.Escape(partner)}\")[^\\n]*\\}} [1-9]", RegexOptions.Multiline); // a route may contain braces

    [Fact]
    public async Task The_consumer_metrics_the_dashboards_name_are_the_ones_masstransit_exports()
    {
        // A registration crosses the pipeline to Coordination's consumer; its instruments exist once used.
        using var gateway = platform.CreateGatewayClient();
        var commune = "53130";
        var registered = await gateway.PostAsJsonAsync("/api/patients", new { nir = Platform.Testing.Nirs.Valid(1951), firstName = "Metric", lastName = "Consumer", birthDate = "1951-03-01", communeCode = commune });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var named = Directory.GetFiles(Platform.Testing.RepositoryRoot.File("helm", "platform", "dashboards"), "*.json")
            .SelectMany(f => MassTransitMetric().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(n => !n.Contains("_errors_", StringComparison.Ordinal)) // exported from the first consumer fault on (MassTransit's messaging.masstransit.consume.errors)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(named);
        using var prometheus = new HttpClient { BaseAddress = platform.Metrics("coordination") };
        var missing = await Platform.Testing.Eventually.UntilAsync(
            async () =>
            {
                var text = await prometheus.GetStringAsync("/metrics");
                return named.Where(n => !text.Contains(n + "{", StringComparison.Ordinal)).ToList();
            },
            m => m.Count == 0);
        Assert.True(missing.Count == 0, $"named by a dashboard but not exported by Coordination: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\b(messaging_masstransit_[a-z_]+)\{")]
    private static partial Regex MassTransitMetric();
}
