using System.Net;
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
}
