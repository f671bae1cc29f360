using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Red zones at the level the State uses: intercommunalities, one at a time or a whole department at once.</summary>
[Collection(nameof(PlatformHosts))]
public class RedZoneClassificationTests(PlatformHosts hosts)
{
    private readonly HttpClient _coordination = PlatformHosts.ClientOf(hosts.Coordination, role: "ars-analyst");

    [Fact]
    public async Task Laval_agglomeration_is_classified_with_its_34_communes_and_official_population()
    {
        var response = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new
        {
            code = "200083392", kind = "Intercommunality", gps = 70, aldPrevalencePercent = 20.5, emergencyMinutes = 15, youngGpSharePercent = 18, medianIncome = 21_300,
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CA Laval Agglomération", result.GetProperty("name").GetString());
        var density = result.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "inhabitantsPerGp");
        Assert.Equal("1,646", density.GetProperty("value").GetString()); // 115,195 official inhabitants (its 34 communes) for 70 GPs
        Assert.Equal(115_195, await hosts.CoordinationDb.ScalarAsync<int>("SELECT population FROM zones WHERE code = '200083392'"));
    }

    [Fact]
    public async Task An_intercommunality_is_classified_from_its_communes_figures_and_listed_with_its_department()
    {
        var epci = Communes.UniqueEpci(maxMembers: 12);
        var (name, department) = (epci.Name, epci.Departments[0]);

        // Before its communes are classified, it cannot be: every figure says how many communes lack theirs.
        var early = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new { code = epci.Siren, kind = "Intercommunality" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.StartsWith($"Not given, and {epci.Members.Count} of the {epci.Members.Count} communes of {name}",
            (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("gps")[0].GetString(), StringComparison.Ordinal);

        foreach (var commune in epci.Members)
        {
            var classified = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new
            {
                code = commune.Code, kind = "Commune", gps = 0, aldPrevalencePercent = 24, emergencyMinutes = 40, youngGpSharePercent = 10, medianIncome = 18_000,
            });
            Assert.True(classified.StatusCode == HttpStatusCode.OK, await classified.Content.ReadAsStringAsync());
        }

        var response = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new { code = epci.Siren, kind = "Intercommunality" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("isRedZone").GetBoolean()); // no GP at all, and the four other criteria met
        Assert.Contains($"aggregated from its {epci.Members.Count} communes", result.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var listed = await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/zones?kind=Intercommunality&department={department}");
        Assert.Contains(listed.EnumerateArray(), z => z.GetProperty("code").GetString() == epci.Siren);
        Assert.All(listed.EnumerateArray(), z => Assert.Equal("Intercommunality", z.GetProperty("kind").GetString()));

        // The whole department at once: this one classified again, the others (no recorded figures) each saying why.
        var area = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify/area", new { department });
        Assert.True(area.StatusCode == HttpStatusCode.OK, await area.Content.ReadAsStringAsync());
        var areaResult = await area.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(areaResult.GetProperty("classified").EnumerateArray(), z => z.GetProperty("code").GetString() == epci.Siren);
        Assert.All(areaResult.GetProperty("notClassified").EnumerateArray(),
            z => Assert.Contains("have no recorded figures", z.GetProperty("reason").GetString(), StringComparison.Ordinal));
        var all = areaResult.GetProperty("classified").GetArrayLength() + areaResult.GetProperty("notClassified").GetArrayLength();
        Assert.Equal(Platform.Geography.FranceGeography.Official.EpcisOfDepartment(department).Count, all);
    }

    [Fact]
    public async Task Bad_areas_and_codes_are_refused_naming_the_field()
    {
        var both = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify/area", new { department = "53", region = "52" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var unknown = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify/area", new { department = "20" });
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("department", out _));
        var siren = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new { code = "999999999", kind = "Intercommunality" });
        Assert.Equal("No intercommunality (EPCI à fiscalité propre) has the SIREN 999999999.",
            (await siren.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>("SELECT count(*) FROM zones WHERE code = '999999999'"));
    }
}
