using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>A service reached without the gateway's signed identity, or with a forged one, is refused; nothing is written.</summary>
[Collection(nameof(PlatformHosts))]
public class IdentityTests(PlatformHosts hosts)
{
    private static object NewPatient() => new { nir = Nirs.Valid(1955), firstName = "Yvette", lastName = "Forge", birthDate = "1955-03-01", communeCode = "53130" };

    [Fact]
    public async Task Without_a_signed_identity_or_with_forged_headers_a_service_refuses_and_writes_nothing()
    {
        var before = await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patients");
        using var direct = hosts.Patients.CreateClient();
        direct.DefaultRequestHeaders.Add("X-Platform-Partner", "forged-partner");
        direct.DefaultRequestHeaders.Add("X-Platform-Role", "platform-admin");

        var forged = await direct.PostAsJsonAsync("/api/patients", NewPatient());

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);

        using var otherKey = hosts.Patients.CreateClient();
        otherKey.DefaultRequestHeaders.Add(PlatformIdentity.Header,
            PlatformIdentity.Sign("forger", "platform-admin", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes("a-key-that-is-not-the-platform-one-0123456789")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherKey.PostAsJsonAsync("/api/patients", NewPatient())).StatusCode);

        using var expired = hosts.Patients.CreateClient();
        expired.DefaultRequestHeaders.Add(PlatformIdentity.Header,
            PlatformIdentity.Sign("cpts-laval", "platform-admin", DateTimeOffset.UtcNow.AddMinutes(-5), Encoding.UTF8.GetBytes(PlatformHosts.IdentityKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.PostAsJsonAsync("/api/patients", NewPatient())).StatusCode);

        Assert.Equal(before, await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patients"));
        Assert.Equal(HttpStatusCode.OK, (await hosts.Patients.CreateClient().GetAsync("/health")).StatusCode); // health needs no identity
    }

    [Fact]
    public async Task The_audit_records_the_signed_partner_and_role()
    {
        using var coordinator = PlatformHosts.ClientOf(hosts.Patients, "cpts-laval", "cpts-coordinator");
        var id = (await (await coordinator.PostAsJsonAsync("/api/patients", NewPatient())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/patients/{id}")).StatusCode);

        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/audit");
        var read = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "read");
        Assert.Equal("cpts-laval", read.GetProperty("partner").GetString());
        Assert.Equal("cpts-coordinator", read.GetProperty("role").GetString());
    }
}
