using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Patients;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// With the broker out of reach, a service stays ready and its writes succeed: readiness is the service's own
/// database; the broker is reported as a dependency, and the outbox keeps the events until it returns.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private WebApplicationFactory<PatientsDbContext> _patients = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("it_ready");
        _patients = new WebApplicationFactory<PatientsDbContext>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:patientsdb", _db.ConnectionString)
            .UseSetting("ConnectionStrings:messaging", $"amqp://guest:guest@127.0.0.1:{ClosedPort()}/")
            .UseSetting("Patients:Pseudonyms:Key", PlatformHosts.PseudonymKey)
            .UseSetting("Patients:Protection:Keys:k1", PlatformHosts.DataKey)
            .UseSetting("Patients:Protection:CurrentKey", "k1")
            .UseSetting("Patients:Protection:IndexKey", PlatformHosts.IndexKey)
            .UseSetting(Platform.ServiceDefaults.Security.PlatformToken.KeySetting, PlatformHosts.IdentityKey));
        _ = _patients.Server;
    }

    [Fact]
    public async Task With_the_broker_down_the_service_stays_ready_reports_it_and_writes_to_its_outbox()
    {
        using var anonymous = _patients.CreateClient();

        var ready = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(readiness.GetProperty("checks").EnumerateObject(), c => c.Name == "broker");

        // The broker's state is reported, not hidden: the dependencies report names it and fails.
        using var report = await anonymous.GetAsync("/health/dependencies");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        var body = await report.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("Healthy", body.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("patientsdb").GetProperty("status").GetString());

        using var client = PlatformHosts.ClientOf(_patients);
        var created = await client.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1958), firstName = "Odile", lastName = "Panne", birthDate = "1958-03-02", communeCode = "53130" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        await _patients.DisposeAsync();
        await _db.DisposeAsync();
    }
}
