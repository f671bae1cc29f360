using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The thin feature that crosses every wire, through the gateway over real sockets: REST → Patients → PostgreSQL +
/// outbox → RabbitMQ → Coordination inbox → projection → REST, and Coordination → Patients over gRPC.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class PatientFlowTests(RunningPlatform platform)
{
    private static string UniqueCommune() => Communes.Unique();

    private static object Person(string commune, int year = 1946) =>
        new { nir = Nirs.Valid(year), firstName = "Odette", lastName = "Cosnard", birthDate = $"{year}-03-09", communeCode = commune };

    private static async Task<int> CountAsync(HttpClient gateway, string commune)
    {
        var indicators = await gateway.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={commune}");
        return indicators.GetProperty("patientsWithoutGp").GetInt32();
    }

    [Fact]
    public async Task A_registration_through_the_gateway_shows_in_the_commune_indicators_within_two_seconds()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = UniqueCommune();
        Assert.Equal(0, await CountAsync(gateway, commune));

        var created = await gateway.PostAsJsonAsync("/api/patients", Person(commune));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clock = Stopwatch.StartNew();
        var count = await Eventually.UntilAsync(() => CountAsync(gateway, commune), c => c == 1, TimeSpan.FromSeconds(10));

        Assert.Equal(1, count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"visible after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Reconciliation_asks_patients_over_grpc_and_finds_no_drift()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = UniqueCommune();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/patients", Person(commune))).StatusCode);
        }

        await Eventually.UntilAsync(() => CountAsync(gateway, commune), c => c == 2);
        var response = await gateway.PostAsync($"/api/coordination/indicators/{commune}/reconcile", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reconciliation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, reconciliation.GetProperty("source").GetInt32()); // what Patients answered over gRPC
        Assert.Equal(2, reconciliation.GetProperty("projected").GetInt32());
        Assert.False(reconciliation.GetProperty("corrected").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_and_writes_nothing()
    {
        using var gateway = platform.CreateGatewayClient();
        var patientsDb = platform.Databases["patients"];
        var before = await patientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

        var malformed = await gateway.PostAsync("/api/patients", new StringContent("{\"nir\": 12", Encoding.UTF8, "application/json"));
        var wrongKey = await gateway.PostAsJsonAsync("/api/patients", new { nir = "185057800608492", firstName = "A", lastName = "B", birthDate = "1985-05-01", communeCode = "53130" });
        var oversized = await gateway.PostAsync("/api/patients", new StringContent(
            JsonSerializer.Serialize(Person("53130")).Replace("Odette", new string('x', 200_000), StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKey.StatusCode);
        Assert.Contains("\"nir\"", await wrongKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        foreach (var response in new[] { malformed, wrongKey, oversized })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await patientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task The_gateway_reports_every_backend_and_serves_the_docs()
    {
        using var gateway = platform.CreateGatewayClient();

        var health = await gateway.GetFromJsonAsync<JsonElement>("/health/dependencies");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "patients", "missions", "funding", "coordination" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty($"backend:{service}").GetProperty("status").GetString());
            var openApi = await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            Assert.Contains(openApi.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}", StringComparison.Ordinal));
        }

        var docs = await gateway.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var gateway = platform.CreateGatewayClient();
        var response = await gateway.GetAsync("/api/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missions_and_funding_answer_through_the_gateway()
    {
        using var gateway = platform.CreateGatewayClient();
        var site = await gateway.PostAsJsonAsync("/api/missions/sites", new { name = $"Antenne {Guid.NewGuid():N}", kind = "Antenna", communeCode = "53247", linesPerWeek = 1 });
        Assert.Equal(HttpStatusCode.Created, site.StatusCode);
        var funder = await gateway.PostAsJsonAsync("/api/funding/funders", new { name = $"Commune {Guid.NewGuid():N}", kind = "Commune" });
        Assert.Equal(HttpStatusCode.Created, funder.StatusCode);
        var badSite = await gateway.PostAsJsonAsync("/api/missions/sites", new { name = "X", kind = "Hospital", communeCode = "53247" });
        Assert.Equal(HttpStatusCode.BadRequest, badSite.StatusCode);
    }
}
