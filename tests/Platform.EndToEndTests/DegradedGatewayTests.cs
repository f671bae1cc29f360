using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// One service down is one service down, not the whole API: the gateway stays ready, the other services' routes
/// answer, the sick one's routes answer a problem (503) until it is back, and its state is reported.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class DegradedGatewayTests(RunningPlatform platform)
{
    [Fact]
    public async Task With_one_service_stopped_the_gateway_stays_ready_and_routes_around_it()
    {
        using var gateway = platform.CreateGatewayClient();
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/funding/funders")).StatusCode);

        await platform.Run.KillAsync("funding");
        try
        {
            // YARP's active health check (every 5 s, two failures) takes Funding out. Until then a request may meet
            // the dead process (a 502, or a wait: locally Aspire's proxy holds the connection open), hence the short
            // attempts; then the gateway answers at once, with a problem document.
            var refused = await Eventually.UntilAsync(() => GetWithin(gateway, "/api/funding/funders", TimeSpan.FromSeconds(3)),
                r => r?.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(40));
            Assert.NotNull(refused);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/missions/sites")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/coordination/territories")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/patients", new
            {
                nir = Nirs.Valid(1947), firstName = "Marthe", lastName = "Secours", birthDate = "1947-03-01", communeCode = "53130",
            })).StatusCode);

            using var report = await gateway.GetAsync("/health/dependencies");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
            var checks = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
            Assert.Equal("Unhealthy", checks.GetProperty("backend:funding").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("backend:patients").GetProperty("status").GetString());
        }
        finally
        {
            await platform.Run.StartAsync("funding");
        }

        var back = await Eventually.UntilAsync(async () => (await gateway.GetAsync("/api/funding/funders")).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, back);
    }

    private static async Task<HttpResponseMessage?> GetWithin(HttpClient client, string path, TimeSpan timeout)
    {
        using var attempt = new CancellationTokenSource(timeout);
        try
        {
            return await client.GetAsync(path, attempt.Token);
        }
        catch (TaskCanceledException) when (attempt.IsCancellationRequested)
        {
            return null;
        }
    }
}
