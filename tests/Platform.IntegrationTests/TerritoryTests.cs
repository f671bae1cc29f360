using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Creates what Coordination tests need: a CPTS around a commune, its members.</summary>
internal static class CoordinationSetup
{
    public static async Task<Guid> TerritoryAsync(HttpClient coordination, params string[] communes)
    {
        var response = await coordination.PostAsJsonAsync("/api/coordination/territories", new
        {
            name = $"CPTS test {Guid.NewGuid():N}",
            communes = communes.Select((c, i) => new { code = c, name = $"Commune {c}", population = 1000 * (i + 2) }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> MemberAsync(HttpClient coordination, string commune, string profession, string? rpps = null)
    {
        var response = await coordination.PostAsJsonAsync("/api/coordination/members", new
        {
            firstName = "Anne", lastName = $"Membre {profession}", profession, rpps, communeCode = commune, email = "anne@example.org",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>Coordination: the CPTS's territory, members and telemedicine, and the bad input each refuses.</summary>
[Collection(nameof(PlatformHosts))]
public class TerritoryTests(PlatformHosts hosts)
{
    private readonly HttpClient _coordination = PlatformHosts.ClientOf(hosts.Coordination);

    [Fact]
    public async Task A_territory_lists_its_communes_and_population()
    {
        string a = PlatformHosts.UniqueCommune(), b = PlatformHosts.UniqueCommune();
        var id = await CoordinationSetup.TerritoryAsync(_coordination, a, b);

        var territory = await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/territories/{id}");
        Assert.Equal(5000, territory.GetProperty("population").GetInt32());
        Assert.Equal(2, territory.GetProperty("communes").GetArrayLength());

        var put = await _coordination.PutAsJsonAsync($"/api/coordination/territories/{id}/communes/{b}", new { name = "Renamed", population = 3500 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(5500, (await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/territories/{id}")).GetProperty("population").GetInt32());
    }

    [Fact]
    public async Task A_territory_declared_by_codes_and_intercommunalities_takes_the_official_names_and_populations()
    {
        var epci = Communes.UniqueEpci();
        var commune = Communes.UniqueCommune();
        var response = await _coordination.PostAsJsonAsync("/api/coordination/territories", new
        {
            name = $"CPTS official {Guid.NewGuid():N}", communes = new[] { new { code = commune.Code } }, epcis = new[] { epci.Siren },
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var territory = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(epci.Population + commune.Population, territory.GetProperty("population").GetInt32());
        var communes = territory.GetProperty("communes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(epci.Members.Select(m => m.Code).Append(commune.Code).Order(StringComparer.Ordinal), communes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((commune.Name, commune.Population), (communes[commune.Code].GetProperty("name").GetString(), communes[commune.Code].GetProperty("population").GetInt32()));
        var member = epci.Members[0];
        Assert.Equal((member.Name, member.Population), (communes[member.Code].GetProperty("name").GetString(), communes[member.Code].GetProperty("population").GetInt32()));

        // A correction by the caller wins; an empty body puts the official figures back.
        var id = territory.GetProperty("id").GetGuid();
        var corrected = await _coordination.PutAsJsonAsync($"/api/coordination/territories/{id}/communes/{commune.Code}", new { population = commune.Population + 100 });
        Assert.Equal(commune.Population + 100, (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("population").GetInt32());
        var official = await _coordination.PutAsJsonAsync($"/api/coordination/territories/{id}/communes/{commune.Code}", new { });
        var restored = await official.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((commune.Name, commune.Population), (restored.GetProperty("name").GetString(), restored.GetProperty("population").GetInt32()));
    }

    [Fact]
    public async Task A_commune_listed_twice_through_an_intercommunality_or_an_unknown_one_is_refused_and_nothing_is_written()
    {
        var epci = Communes.UniqueEpci();
        var name = $"CPTS refused {Guid.NewGuid():N}";
        var twice = await _coordination.PostAsJsonAsync("/api/coordination/territories", new
        {
            name, communes = new[] { new { code = epci.Members[^1].Code } }, epcis = new[] { epci.Siren, "999999999", "2000" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var errors = (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal($"Its commune {epci.Members[^1].Code} {epci.Members[^1].Name} is listed already (communes[0]).", errors.GetProperty("epcis[0]")[0].GetString());
        Assert.Equal("No intercommunality (EPCI à fiscalité propre) has the SIREN 999999999.", errors.GetProperty("epcis[1]")[0].GetString());
        Assert.StartsWith("An intercommunality is identified by its 9-digit SIREN", errors.GetProperty("epcis[2]")[0].GetString(), StringComparison.Ordinal);

        var none = await _coordination.PostAsJsonAsync("/api/coordination/territories", new { name });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("communes", out _));
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM territories WHERE name = '{name}'"));
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM communes WHERE code IN ({string.Join(',', epci.Members.Select(m => $"'{m.Code}'"))})"));
    }

    [Theory]
    [InlineData("5313", 1000, "communes[0].code")]
    [InlineData("53171", 1000, "communes[0].code")]
    [InlineData("53130", 0, "communes[0].population")]
    [InlineData("53130", -5, "communes[0].population")]
    public async Task A_bad_commune_is_refused_with_its_field_and_nothing_is_written(string code, int population, string field)
    {
        var name = $"CPTS refused {Guid.NewGuid():N}";
        var response = await _coordination.PostAsJsonAsync("/api/coordination/territories", new { name, communes = new[] { new { code, name = "X", population } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM territories WHERE name = '{name}'"));
    }

    [Fact]
    public async Task A_commune_cannot_belong_to_two_CPTS()
    {
        var commune = PlatformHosts.UniqueCommune();
        await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var name = $"CPTS overlapping {Guid.NewGuid():N}";

        var response = await _coordination.PostAsJsonAsync("/api/coordination/territories", new { name, communes = new[] { new { code = commune, name = "X", population = 10 } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("communes[0].code", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM territories WHERE name = '{name}'"));
    }

    [Fact]
    public async Task Members_need_a_commune_of_the_territory_and_a_unique_RPPS()
    {
        var commune = PlatformHosts.UniqueCommune();
        await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var rpps = RppsNumbers.Valid();
        await CoordinationSetup.MemberAsync(_coordination, commune, "Doctor", rpps);

        var duplicate = await _coordination.PostAsJsonAsync("/api/coordination/members", new { firstName = "B", lastName = "C", profession = "Doctor", rpps, communeCode = commune });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("rpps", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var unknown = await _coordination.PostAsJsonAsync("/api/coordination/members", new { firstName = "B", lastName = "C", profession = "Nurse", communeCode = "99999" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("communeCode", out _));

        var badKey = await _coordination.PostAsJsonAsync("/api/coordination/members", new { firstName = "B", lastName = "C", profession = "Doctor", rpps = "12345678901", communeCode = commune });
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);

        Assert.Equal(1L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM members WHERE commune_code = '{commune}'"));
        var nurses = await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/members?commune={commune}&profession=Doctor");
        Assert.Equal(1, nurses.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Assisted_teleconsultations_show_where_the_cabins_serve_whom()
    {
        var commune = PlatformHosts.UniqueCommune();
        await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var nurse = await CoordinationSetup.MemberAsync(_coordination, commune, "Nurse");
        var pharmacist = await CoordinationSetup.MemberAsync(_coordination, commune, "Pharmacist");
        var place = (await (await _coordination.PostAsJsonAsync("/api/coordination/places", new { name = $"Pharmacie {commune}", kind = "Pharmacy", communeCode = commune, hasCabin = true }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var noCabin = (await (await _coordination.PostAsJsonAsync("/api/coordination/places", new { name = $"Mairie {commune}", kind = "TownHall", communeCode = commune }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await PseudonymOfNewPatientAsync(commune);
        var second = await PseudonymOfNewPatientAsync(commune);

        foreach (var pseudonym in new[] { first, second, first })
        {
            var created = await _coordination.PostAsJsonAsync("/api/coordination/telemedicine/sessions", new { placeId = place, date = today, assistingNurseId = nurse, patientPseudonym = pseudonym });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var notNurse = await _coordination.PostAsJsonAsync("/api/coordination/telemedicine/sessions", new { placeId = place, date = today, assistingNurseId = pharmacist, patientPseudonym = first });
        Assert.Equal(HttpStatusCode.Conflict, notNurse.StatusCode);
        var townHall = await _coordination.PostAsJsonAsync("/api/coordination/telemedicine/sessions", new { placeId = noCabin, date = today, assistingNurseId = nurse, patientPseudonym = first });
        Assert.Equal(HttpStatusCode.BadRequest, townHall.StatusCode);

        // A pseudonym field takes only what Patients issued: no name, no NIR, no well-formed made-up value.
        var before = await hosts.CoordinationDb.ScalarAsync<long>("SELECT count(*) FROM teleconsultations");
        foreach (var smuggled in new[] { "Jeanne Dupont", Nirs.Valid(1950), "P-" + Convert.ToHexString(Guid.NewGuid().ToByteArray()), first.ToLowerInvariant() })
        {
            var refused = await _coordination.PostAsJsonAsync("/api/coordination/telemedicine/sessions", new { placeId = place, date = today, assistingNurseId = nurse, patientPseudonym = smuggled });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("patientPseudonym", body, StringComparison.Ordinal);
            Assert.DoesNotContain(smuggled, body, StringComparison.Ordinal); // never repeated back
        }

        Assert.Equal(before, await hosts.CoordinationDb.ScalarAsync<long>("SELECT count(*) FROM teleconsultations"));

        var activity = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/telemedicine/activity");
        var cabin = activity.EnumerateArray().Single(a => a.GetProperty("placeId").GetGuid() == place);
        Assert.Equal(3, cabin.GetProperty("sessions").GetInt32());
        Assert.Equal(2, cabin.GetProperty("patients").GetInt32());
        Assert.Equal(1, cabin.GetProperty("nurses").GetInt32());
        Assert.DoesNotContain(activity.EnumerateArray(), a => a.GetProperty("placeId").GetGuid() == noCabin);
    }

    [Fact]
    public async Task A_threshold_that_is_not_a_number_is_refused_and_a_valid_one_changes_the_verdict()
    {
        var laval = new Dictionary<string, object>
        {
            ["code"] = "53130", ["name"] = "Laval", ["kind"] = "Commune", ["population"] = 50000, ["gps"] = 30,
            ["aldPrevalencePercent"] = 21.5, ["emergencyMinutes"] = 10, ["youngGpSharePercent"] = 12, ["medianIncome"] = 20400,
        };

        laval["thresholds"] = new { inhabitantsPerGp = "abc" };
        var bad = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", laval);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("thresholds.inhabitantsPerGp", out _));

        laval["code"] = PlatformHosts.UniqueCommune();
        laval["thresholds"] = new { inhabitantsPerGp = 1500 };
        var what_if = await (await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", laval)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(what_if.GetProperty("isRedZone").GetBoolean());
        Assert.Contains("1,500", what_if.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Registers a patient in Patients and returns the pseudonym Patients gives for them.</summary>
    private async Task<string> PseudonymOfNewPatientAsync(string commune)
    {
        using var patients = PlatformHosts.ClientOf(hosts.Patients);
        var registered = await patients.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1948), firstName = "Lucienne", lastName = "Cabine", birthDate = "1948-03-10", communeCode = commune });
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pseudonym = (await patients.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/pseudonym")).GetProperty("pseudonym").GetString()!;
        Assert.Matches("^P-[0-9A-F]{32}$", pseudonym);
        return pseudonym;
    }
}
