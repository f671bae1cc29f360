using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// Through the gateway: register → enrol → ranked list with the score breakdown → assign a referent (checked against
/// Missions over gRPC) → the patient leaves the list and Coordination's count of people without a GP drops.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class ReferentJourneyTests(RunningPlatform platform)
{
    [Fact]
    public async Task A_referent_takes_the_patient_off_the_list_and_out_of_the_count()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var territory = $"e2e-{Guid.NewGuid():N}"[..24];
        var rpps = RppsNumbers.Valid();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/missions/practitioners",
            new { rpps, firstName = "Claire", lastName = "Marchand", status = "Retired", homeCommuneCode = "53130" })).StatusCode);

        var patient = await (await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1941), firstName = "Simone", lastName = "Gaudin", birthDate = "1941-03-04", communeCode = commune, hasAld = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = patient.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync($"/api/patients/{id}/waiting-lists", new { scope = "territory", key = territory })).StatusCode);
        await Eventually.UntilAsync(() => Count(gateway, commune), c => c == 1);

        var ranked = await gateway.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}");
        var entry = ranked.GetProperty("items")[0];
        Assert.Equal(id, entry.GetProperty("patientId").GetGuid());
        Assert.Equal(50m, entry.GetProperty("score").GetDecimal()); // ALD 30 + age ≥ 70 20
        Assert.Equal(30m, entry.GetProperty("components").GetProperty("ald").GetDecimal());

        var unknown = await gateway.PostAsJsonAsync($"/api/patients/{id}/referent", new { kind = "Practitioner", rpps = RppsNumbers.Valid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode); // Missions does not know this RPPS

        var assigned = await gateway.PostAsJsonAsync($"/api/patients/{id}/referent", new { kind = "Practitioner", rpps });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("Dr Claire Marchand", (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());

        var after = await gateway.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/territory/{territory}");
        Assert.Equal(0, after.GetProperty("total").GetInt32());
        Assert.Equal(0, await Eventually.UntilAsync(() => Count(gateway, commune), c => c == 0));
        var history = await gateway.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/referents");
        Assert.Equal(rpps, history[0].GetProperty("rpps").GetString());
        var indicators = await Eventually.UntilAsync(
            () => gateway.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={commune}"),
            i => i.GetProperty("givenAGp").GetInt32() == 1 && i.GetProperty("waitingListEntries").GetInt32() == 0);
        Assert.Equal(1, indicators.GetProperty("givenAGp").GetInt32());       // given a GP
        Assert.Equal(0, indicators.GetProperty("waitingListEntries").GetInt32()); // enrolled, then left (GivenDoctor)
    }

    [Fact]
    public async Task A_centre_can_be_the_referent_and_a_second_referent_changes_no_count()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var site = await (await gateway.PostAsJsonAsync("/api/missions/sites",
            new { name = $"Antenne {Guid.NewGuid():N}", kind = "Antenna", communeCode = commune })).Content.ReadFromJsonAsync<JsonElement>();
        var siteId = site.GetProperty("id").GetGuid();
        var id = (await (await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1950), firstName = "René", lastName = "Huet", birthDate = "1950-03-04", communeCode = commune,
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.UntilAsync(() => Count(gateway, commune), c => c == 1);

        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync($"/api/patients/{id}/referent", new { kind = "Centre", siteId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync($"/api/patients/{id}/referent", new { kind = "Centre", siteId })).StatusCode);

        Assert.Equal(0, await Eventually.UntilAsync(() => Count(gateway, commune), c => c == 0));
        await Task.Delay(500);
        Assert.Equal(0, await Count(gateway, commune));
        var history = await gateway.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/referents");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal(1, history.EnumerateArray().Count(h => h.GetProperty("endedAt").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task The_audit_records_the_partner_the_gateway_authenticated_not_one_the_caller_claims()
    {
        using var gateway = platform.CreateGatewayClient();
        gateway.DefaultRequestHeaders.Add("X-Platform-Partner", "forged-partner");
        gateway.DefaultRequestHeaders.Add("X-Platform-Role", "cpts-coordinator");
        var id = (await (await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1970), firstName = "Gérard", lastName = "Rocher", birthDate = "1970-03-04", communeCode = "53130",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await gateway.GetAsync($"/api/patients/{id}");
        var audit = await gateway.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/audit");

        var read = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "read");
        Assert.Equal("e2e", read.GetProperty("partner").GetString());
        Assert.Equal("platform-admin", read.GetProperty("role").GetString());
    }

    private static async Task<int> Count(HttpClient gateway, string commune) =>
        (await gateway.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={commune}")).GetProperty("patientsWithoutGp").GetInt32();
}

/// <summary>The import route takes files far larger than the gateway's default body limit.</summary>
[Collection(nameof(RunningPlatform))]
public class ImportThroughGatewayTests(RunningPlatform platform)
{
    [Fact]
    public async Task A_large_csv_goes_through_the_gateway_and_is_imported()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var csv = new System.Text.StringBuilder("nir;first_name;last_name;birth_date;commune_code\n");
        for (var i = 0; i < 2000; i++)
        {
            csv.Append(Nirs.Valid(1950)).Append(";Jeanne;Lemoine;1950-03-15;").Append(commune).Append('\n');
        }

        Assert.True(csv.Length > 64 * 1024);
        var content = new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv");
        var response = await gateway.PostAsync("/api/patients/imports", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await Eventually.UntilAsync(
            () => gateway.GetFromJsonAsync<JsonElement>(response.Headers.Location!.OriginalString),
            s => s.GetProperty("status").GetString() == "Completed", TimeSpan.FromSeconds(30));
        Assert.Equal(2000, done.GetProperty("rowsTotal").GetInt32());
        Assert.Equal(2000, done.GetProperty("rowsImported").GetInt32() + done.GetProperty("rowsDuplicate").GetInt32());
        Assert.Equal(done.GetProperty("rowsImported").GetInt32(), await Eventually.UntilAsync(
            async () => (await gateway.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={commune}")).GetProperty("patientsWithoutGp").GetInt32(),
            c => c == done.GetProperty("rowsImported").GetInt32()));
    }
}
