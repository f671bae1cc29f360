using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Waiting lists, search, updates, erasure and the access audit of the Patients service, on real PostgreSQL.</summary>
[Collection(nameof(PlatformHosts))]
public class PatientJourneyTests(PlatformHosts hosts)
{
    private readonly HttpClient _patients = CreateClient(hosts);

    private static HttpClient CreateClient(PlatformHosts hosts)
    {
        return PlatformHosts.ClientOf(hosts.Patients, "cpts-laval", "cpts-coordinator");
    }

    private async Task<Guid> RegisterAsync(string commune, int year = 1960, bool ald = false, bool precarity = false, bool isolation = false, string lastName = "Hamon")
    {
        var response = await _patients.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(year), firstName = "Paulette", lastName, birthDate = $"{year}-03-10", communeCode = commune,
            hasAld = ald, precarity, isolation,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> EnrolAsync(Guid patient, string territory)
    {
        var response = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists", new { scope = "territory", key = territory });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetGuid();
    }

    [Fact]
    public async Task A_waiting_list_is_ranked_by_an_explained_score()
    {
        var territory = $"t-{Guid.NewGuid():N}"[..20];
        var plain = await RegisterAsync("53130", 1990);
        var aldAndOld = await RegisterAsync("53130", 1940, ald: true);
        var precarious = await RegisterAsync("53130", 1985, precarity: true, isolation: true);
        foreach (var p in new[] { plain, aldAndOld, precarious })
        {
            await EnrolAsync(p, territory);
        }

        var list = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([aldAndOld, precarious, plain], items.Select(i => i.GetProperty("patientId").GetGuid()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("rank").GetInt32()));
        var first = items[0].GetProperty("components");
        Assert.Equal(30m, first.GetProperty("ald").GetDecimal());   // default weights (Priority:Weights)
        Assert.Equal(20m, first.GetProperty("age70").GetDecimal());
        Assert.Equal(0m, first.GetProperty("precarity").GetDecimal());
        Assert.Equal(50m, items[0].GetProperty("score").GetDecimal()); // enrolled today: no day waited yet
        Assert.Equal(30m, items[1].GetProperty("score").GetDecimal());
        Assert.Equal(30m, list.GetProperty("weights").GetProperty("ald").GetDecimal());
        Assert.Equal(3, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Days_waited_raise_the_score_and_the_list_pages()
    {
        var territory = $"t-{Guid.NewGuid():N}"[..20];
        var early = await RegisterAsync("53054", 1980);
        var late = await RegisterAsync("53054", 1981);
        await EnrolAsync(late, territory);
        var earlyEntry = await EnrolAsync(early, territory);
        // As if the first had enrolled 100 days ago.
        await hosts.PatientsDb.ScalarAsync<int>($"UPDATE waiting_list_entries SET enrolled_day = enrolled_day - 100, enrolled_at = enrolled_at - interval '100 days' WHERE id = '{earlyEntry}' RETURNING 1");

        var page1 = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}?pageSize=1");
        var page2 = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}?pageSize=1&page=2");

        var top = page1.GetProperty("items")[0];
        Assert.Equal(early, top.GetProperty("patientId").GetGuid());
        Assert.Equal(100, top.GetProperty("daysWaited").GetInt32());
        Assert.Equal(10m, top.GetProperty("components").GetProperty("daysWaited").GetDecimal());
        Assert.Equal(late, page2.GetProperty("items")[0].GetProperty("patientId").GetGuid());
        Assert.Equal(2, page2.GetProperty("items")[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Enrolling_twice_is_a_409_and_leaving_records_the_reason()
    {
        var territory = $"t-{Guid.NewGuid():N}"[..20];
        var patient = await RegisterAsync("53201");
        var entry = await EnrolAsync(patient, territory);

        var again = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists", new { scope = "territory", key = territory });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(entry, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingEntryId").GetGuid());

        var left = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{entry}/leave", new { reason = "Moved" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("Moved", (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leaveReason").GetString());
        var list = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        var twice = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{entry}/leave", new { reason = "Moved" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var unknownReason = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{entry}/leave", new { reason = "Bored" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
    }

    [Theory]
    [InlineData("region", "pdl", "scope")]
    [InlineData("territory", "Not Valid", "key")]
    [InlineData("site", "x", "key")]
    public async Task A_bad_waiting_list_is_a_400_naming_the_field(string scope, string key, string field)
    {
        var patient = await RegisterAsync("53130");
        var response = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists", new { scope, key });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Search_finds_by_name_and_commune_with_paging()
    {
        var name = "Zed" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync("53140", lastName: name);
        }

        await RegisterAsync("53119", lastName: name);

        var page = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients?name={name[..6].ToLowerInvariant()}{name[6..]}&commune=53140&pageSize=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var bad = await _patients.GetAsync("/api/patients?commune=531&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("commune", out _) && errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Moving_to_another_commune_moves_the_count_in_coordination()
    {
        var from = PlatformHosts.UniqueCommune();
        var to = PlatformHosts.UniqueCommune();
        var patient = await RegisterAsync(from, 1955);
        await Eventually.UntilAsync(() => hosts.CountInCoordination(from), c => c == 1);

        var response = await _patients.PutAsJsonAsync($"/api/patients/{patient}", new
        {
            firstName = "Paulette", lastName = "Hamon", birthDate = "1955-03-10", communeCode = to, hasAld = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(to), c => c == 1));
        Assert.Equal(0, await hosts.CountInCoordination(from));
    }

    [Fact]
    public async Task An_update_that_contradicts_the_nir_is_refused_and_changes_nothing()
    {
        var commune = PlatformHosts.UniqueCommune();
        var patient = await RegisterAsync(commune, 1955);
        var read = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}");
        var nirSex = read.GetProperty("nir").GetString()![0] == '1' ? "Male" : "Female";

        var wrongMonth = await _patients.PutAsJsonAsync($"/api/patients/{patient}", new
        {
            firstName = "Paulette", lastName = "Hamon", birthDate = "1955-07-10", communeCode = commune,
        });
        var wrongSex = await _patients.PutAsJsonAsync($"/api/patients/{patient}", new
        {
            firstName = "Paulette", lastName = "Hamon", birthDate = "1955-03-10", communeCode = commune, sex = nirSex == "Male" ? "Female" : "Male",
        });

        Assert.Equal(HttpStatusCode.BadRequest, wrongMonth.StatusCode);
        Assert.True((await wrongMonth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("birthDate", out _));
        Assert.Equal(HttpStatusCode.BadRequest, wrongSex.StatusCode);
        Assert.True((await wrongSex.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sex", out _));
        Assert.Equal(read.GetProperty("birthDate").GetString(), (await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}")).GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Erasure_removes_the_identity_and_keeps_the_statistics()
    {
        var commune = PlatformHosts.UniqueCommune();
        var patient = await RegisterAsync(commune, 1944);
        await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 1);

        Assert.Equal(HttpStatusCode.NoContent, (await _patients.DeleteAsync($"/api/patients/{patient}/identity")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _patients.DeleteAsync($"/api/patients/{patient}/identity")).StatusCode);

        var read = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("nir").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("lastName").ValueKind);
        Assert.Equal("1944-01-01", read.GetProperty("birthDate").GetString()); // the year stays for age statistics
        Assert.Equal(commune, read.GetProperty("communeCode").GetString());
        Assert.Equal(0L, await hosts.PatientsDb.ScalarAsync<long>($"SELECT count(*) FROM patients WHERE id = '{patient}' AND (identity_cipher IS NOT NULL OR nir_index IS NOT NULL OR cardinality(name_keys) > 0 OR legacy_nir IS NOT NULL OR legacy_first_name IS NOT NULL OR legacy_phone IS NOT NULL)"));
        Assert.Equal(1, await hosts.CountInCoordination(commune)); // still a person without a GP in that commune
    }

    [Fact]
    public async Task Every_read_of_an_identity_is_audited_with_partner_and_role()
    {
        var patient = await RegisterAsync("53034");
        await _patients.GetAsync($"/api/patients/{patient}");
        await _patients.GetAsync($"/api/patients/{patient}");

        var audit = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/audit");

        var reads = audit.EnumerateArray().Where(a => a.GetProperty("action").GetString() == "read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, a =>
        {
            Assert.Equal("cpts-laval", a.GetProperty("partner").GetString());
            Assert.Equal("cpts-coordinator", a.GetProperty("role").GetString());
            Assert.Equal($"GET /api/patients/{patient}", a.GetProperty("route").GetString());
        });
    }

    [Theory]
    [InlineData("""{"nir":"NIR","firstName":"A","lastName":"B","birthDate":"1899-05-01","communeCode":"53130"}""", "birthDate")]
    [InlineData("""{"nir":"NIR","firstName":"A","lastName":"B","birthDate":"1985-03-01","communeCode":"53130","sex":"Other"}""", "sex")]
    [InlineData("""{"nir":"NIR","firstName":"A","lastName":"B","birthDate":"1985-03-01","communeCode":"53130","email":"nope"}""", "email")]
    [InlineData("""{"nir":"NIR","firstName":"A","lastName":"B","birthDate":"1985-03-01","communeCode":"53130","hasAld":"yes"}""", "hasAld")]
    public async Task More_bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var response = await _patients.PostAsync("/api/patients",
            new StringContent(json.Replace("NIR", Nirs.Valid(field == "birthDate" ? 1899 : 1985), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Funders_and_analysts_never_see_identity_nor_the_audit()
    {
        var territory = $"t-{Guid.NewGuid():N}"[..20];
        var patient = await RegisterAsync("53130");
        await EnrolAsync(patient, territory);
        using var funder = PlatformHosts.ClientOf(hosts.Patients, "region-pdl", "funder");

        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync($"/api/patients/{patient}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync("/api/patients?commune=53130")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync($"/api/patients/{patient}/audit")).StatusCode);
        var list = await funder.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}");
        var entry = list.GetProperty("items")[0];
        Assert.Equal(patient, entry.GetProperty("patientId").GetGuid());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("lastName").ValueKind);
        var auditedPartners = await hosts.PatientsDb.ScalarAsync<string>($"SELECT string_agg(partner, ',') FROM audit_entries WHERE patient_id = '{patient}'") ?? "";
        Assert.DoesNotContain("region-pdl", auditedPartners, StringComparison.Ordinal); // nothing shown, nothing audited
    }

    [Fact]
    public async Task A_person_born_in_corsica_registers_with_a_2A_nir()
    {
        var nir = Nirs.Valid(1958, department: "2A");
        var response = await _patients.PostAsJsonAsync("/api/patients", new { nir, firstName = "Ghjuvanni", lastName = "Santoni", birthDate = "1958-03-01", communeCode = "2A004" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var wrongKey = nir[..13] + ((int.Parse(nir[13..], System.Globalization.CultureInfo.InvariantCulture) % 97) + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await _patients.PostAsJsonAsync("/api/patients", new { nir = wrongKey, firstName = "G", lastName = "S", birthDate = "1958-03-01", communeCode = "2A004" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
