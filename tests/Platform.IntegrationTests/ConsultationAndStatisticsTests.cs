using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Contracts.Grpc.Patients;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Consultations and orientations (events over the real broker), and the gRPC queries other services make.</summary>
[Collection(nameof(PlatformHosts))]
public class ConsultationAndStatisticsTests(PlatformHosts hosts)
{
    private readonly HttpClient _patients = PlatformHosts.ClientOf(hosts.Patients);

    private PatientStatistics.PatientStatisticsClient Statistics()
    {
        return new PatientStatistics.PatientStatisticsClient(PlatformHosts.GrpcChannelOf(hosts.Patients));
    }

    private async Task<Guid> RegisterAsync(string commune, int year = 1960, bool ald = false)
    {
        var response = await _patients.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(year), firstName = "Colette", lastName = "Barbier", birthDate = $"{year}-03-10", communeCode = commune, hasAld = ald,
        });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_consultation_with_orientations_publishes_one_event_each()
    {
        var patient = await RegisterAsync("53130");
        var (site, rpps) = await hosts.MissionsReferencesAsync();
        var orientated = new System.Collections.Concurrent.ConcurrentBag<PatientOrientated>();
        var recorded = new System.Collections.Concurrent.ConcurrentBag<ConsultationRecorded>();
        var observer = hosts.Observer.ConnectReceiveEndpoint($"consultations-{Guid.NewGuid():N}", e =>
        {
            e.Handler<PatientOrientated>(ctx => { orientated.Add(ctx.Message); return Task.CompletedTask; });
            e.Handler<ConsultationRecorded>(ctx => { recorded.Add(ctx.Message); return Task.CompletedTask; });
        });
        await observer.Ready;

        var response = await _patients.PostAsJsonAsync($"/api/patients/{patient}/consultations", new
        {
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), siteId = site, practitionerRpps = rpps, kind = "AssistedTeleconsultation",
            orientations = new object[] { new { kind = "NurseFollowUp", note = "pansement J+2" }, new { kind = "Pharmacy" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The three events leave in one outbox batch, published at once: they may arrive in any order.
        await Eventually.UntilAsync(() => Task.FromResult(orientated.Count(o => o.PatientId == patient)), c => c == 2);
        await Eventually.UntilAsync(() => Task.FromResult(recorded.Count(r => r.PatientId == patient)), c => c >= 1);
        Assert.Equal(["NurseFollowUp", "Pharmacy"], orientated.Where(o => o.PatientId == patient).Select(o => o.Kind).Order());
        var consultation = Assert.Single(recorded, r => r.PatientId == patient);
        Assert.Equal("AssistedTeleconsultation", consultation.Kind);
        Assert.Equal(site, consultation.SiteId);
        var listed = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/consultations");
        Assert.Equal(2, listed[0].GetProperty("orientations").GetArrayLength());
        await observer.StopAsync();
    }

    public static TheoryData<string, string> BadConsultations => new()
    {
        { """{"date":"2099-01-01","siteId":"0192b0a4-7a30-7c41-a2f3-6a1c8d2f0e11","practitionerRpps":"10101234564","kind":"Urgent"}""", "date" },
        { """{"date":"2026-01-05","siteId":"0192b0a4-7a30-7c41-a2f3-6a1c8d2f0e11","practitionerRpps":"10101234565","kind":"Urgent"}""", "practitionerRpps" },
        { """{"date":"2026-01-05","practitionerRpps":"10101234564","kind":"Urgent"}""", "siteId" },
        { """{"date":"2026-01-05","siteId":"0192b0a4-7a30-7c41-a2f3-6a1c8d2f0e11","practitionerRpps":"10101234564","kind":"Telepathy"}""", "kind" },
        { """{"date":"2026-01-05","siteId":"0192b0a4-7a30-7c41-a2f3-6a1c8d2f0e11","practitionerRpps":"10101234564","kind":"Urgent","orientations":[{"note":"x"}]}""", "orientations[0].kind" },
    };

    [Fact]
    public async Task A_consultation_naming_a_site_or_practitioner_unknown_to_missions_is_a_400_and_writes_nothing()
    {
        var patient = await RegisterAsync("53130");
        var (site, rpps) = await hosts.MissionsReferencesAsync();
        var outbox = await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var unknownSite = await _patients.PostAsJsonAsync($"/api/patients/{patient}/consultations",
            new { date = today, siteId = Guid.NewGuid(), practitionerRpps = rpps, kind = "Scheduled" });
        var unknownPractitioner = await _patients.PostAsJsonAsync($"/api/patients/{patient}/consultations",
            new { date = today, siteId = site, practitionerRpps = RppsNumbers.Valid(), kind = "Scheduled" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownSite.StatusCode);
        Assert.Equal(["siteId"], (await unknownSite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, unknownPractitioner.StatusCode);
        Assert.Equal(["practitionerRpps"], (await unknownPractitioner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(outbox, await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(0L, await hosts.PatientsDb.ScalarAsync<long>($"SELECT count(*) FROM consultations WHERE patient_id = '{patient}'"));
    }

    [Theory]
    [MemberData(nameof(BadConsultations))]
    public async Task A_bad_consultation_is_a_400_naming_the_field_and_publishes_nothing(string json, string field)
    {
        var patient = await RegisterAsync("53130");
        var outbox = await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");
        var response = await _patients.PostAsync($"/api/patients/{patient}/consultations", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(outbox, await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Waiting_list_statistics_per_commune_and_per_site_over_grpc()
    {
        var commune = PlatformHosts.UniqueCommune();
        var site = Guid.NewGuid();
        var old = await RegisterAsync(commune, 1940, ald: true);
        var young = await RegisterAsync(commune, 1990);
        await RegisterAsync(commune, 1985); // registered, not waiting
        var oldEntry = await (await _patients.PostAsJsonAsync($"/api/patients/{old}/waiting-lists", new { scope = "site", key = site.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        await _patients.PostAsJsonAsync($"/api/patients/{old}/waiting-lists", new { scope = "territory", key = "stats-territory" }); // a second list: counted once
        await _patients.PostAsJsonAsync($"/api/patients/{young}/waiting-lists", new { scope = "site", key = site.ToString() });
        await hosts.PatientsDb.ScalarAsync<int>($"UPDATE waiting_list_entries SET enrolled_day = enrolled_day - 30 WHERE id = '{oldEntry.GetProperty("entryId").GetGuid()}' RETURNING 1");

        var byCommune = await Statistics().GetWaitingListStatsAsync(new WaitingListStatsRequest { CommuneCode = commune });
        var bySite = await Statistics().GetWaitingListStatsAsync(new WaitingListStatsRequest { SiteId = site.ToString() });

        Assert.Equal(2, byCommune.Waiting);
        Assert.Equal(30, byCommune.OldestWaitDays);
        Assert.Equal(15, byCommune.AverageWaitDays);
        Assert.Equal(1, byCommune.WithAld);
        Assert.Equal(1, byCommune.Aged70OrMore);
        Assert.Equal(2, bySite.Waiting);
        var bad = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await Statistics().GetWaitingListStatsAsync(new WaitingListStatsRequest { CommuneCode = "5313" }));
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task The_patient_summary_is_pseudonymised_and_stable()
    {
        var patient = await RegisterAsync("53130", 1950, ald: true);

        var first = await Statistics().GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = patient.ToString() });
        var second = await Statistics().GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = patient.ToString() });
        var other = await Statistics().GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = (await RegisterAsync("53130")).ToString() });

        Assert.True(first.Found);
        Assert.Equal(first.Pseudonym, second.Pseudonym);
        Assert.NotEqual(first.Pseudonym, other.Pseudonym);
        Assert.DoesNotContain(patient.ToString("N")[..8], first.Pseudonym, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("70-79", first.AgeBand);
        Assert.True(first.HasAld);
        Assert.False((await Statistics().GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = Guid.NewGuid().ToString() })).Found);
    }
}
