using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// Funders and analysts get the territorial figures of their scope only: a territory key sees its communes' indicators
/// and is refused (403, naming the field) the others'; a region key and care roles see every commune's.
/// </summary>
[Collection(nameof(PlatformHosts))]
public class AggregateScopeTests(PlatformHosts hosts)
{
    [Fact]
    public async Task A_funder_of_a_territory_sees_the_indicators_of_its_communes_only()
    {
        var (inside, outside) = (Communes.Unique(), Communes.Unique());
        using var patients = PlatformHosts.ClientOf(hosts.Patients);
        foreach (var commune in new[] { inside, outside })
        {
            Assert.Equal(HttpStatusCode.Created, (await patients.PostAsJsonAsync("/api/patients",
                new { nir = Nirs.Valid(1949), firstName = "Gisèle", lastName = "Agrégat", birthDate = "1949-03-03", communeCode = commune })).StatusCode);
            Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 1)); // projected from PatientRegistered
        }

        using var funder = PlatformHosts.ClientOf(hosts.Coordination, "town-hall", "funder", $"communes:{inside}");
        using var analyst = PlatformHosts.ClientOf(hosts.Coordination, "ars", "ars-analyst", "region");
        using var coordinator = PlatformHosts.ClientOf(hosts.Coordination, "cpts", "cpts-coordinator", $"communes:{inside}");

        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync($"/api/coordination/indicators?commune={inside}")).StatusCode);
        var refused = await funder.GetAsync($"/api/coordination/indicators?commune={outside}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("commune", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync($"/api/coordination/indicators/history?commune={outside}")).StatusCode);

        var page = await funder.GetFromJsonAsync<JsonElement>("/api/coordination/indicators?pageSize=200");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(inside, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("communeCode").GetString());

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/coordination/indicators?commune={outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/coordination/indicators?commune={outside}")).StatusCode); // care roles: the whole network
    }
}
