using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Coordination: orientations become tasks (once), zones are classified and announced.</summary>
[Collection(nameof(PlatformHosts))]
public class CoordinationTests(PlatformHosts hosts)
{
    private readonly HttpClient _coordination = PlatformHosts.ClientOf(hosts.Coordination);

    [Fact]
    public async Task A_consultation_orientation_becomes_one_task_for_the_right_profession()
    {
        using var patients = PlatformHosts.ClientOf(hosts.Patients);
        var commune = PlatformHosts.UniqueCommune();
        var patient = (await (await patients.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1948), firstName = "Odette", lastName = "Roux", birthDate = "1948-03-01", communeCode = commune,
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (site, rpps) = await hosts.MissionsReferencesAsync(commune);
        var consultation = await patients.PostAsJsonAsync($"/api/patients/{patient}/consultations", new
        {
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), siteId = site, practitionerRpps = rpps,
            kind = "Scheduled", orientations = new[] { new { kind = "NurseFollowUp", note = "pansement" } },
        });
        Assert.Equal(HttpStatusCode.Created, consultation.StatusCode);

        var tasks = await Eventually.UntilAsync(
            () => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}"), t => t.GetArrayLength() == 1);
        var task = tasks[0];
        Assert.Equal("Nurse", task.GetProperty("profession").GetString());
        Assert.False(task.GetProperty("triage").GetBoolean());
        Assert.Equal(patient, task.GetProperty("patientId").GetGuid());

        var orientationId = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orientations")[0].GetProperty("id").GetGuid();
        await hosts.Observer.Publish(new PatientOrientated(orientationId, Guid.NewGuid(), patient, commune, "NurseFollowUp", null, DateOnly.FromDateTime(DateTime.UtcNow)));
        await Task.Delay(700);
        Assert.Equal(1, (await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}")).GetArrayLength());

        var indicators = await Eventually.UntilAsync(
            () => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={commune}"), i => i.GetProperty("consultations").GetInt32() == 1);
        Assert.Equal(1, indicators.GetProperty("consultations").GetInt32());

        var id = task.GetProperty("id").GetGuid();
        await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var pharmacist = await CoordinationSetup.MemberAsync(_coordination, commune, "Pharmacist");
        var nurse = await CoordinationSetup.MemberAsync(_coordination, commune, "Nurse");
        var wrong = await _coordination.PostAsJsonAsync($"/api/coordination/tasks/{id}/assign", new { memberId = pharmacist });
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Equal("memberId", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("Open", (await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}"))[0].GetProperty("status").GetString());
        var assigned = await (await _coordination.PostAsJsonAsync($"/api/coordination/tasks/{id}/assign", new { memberId = nurse })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(nurse, assigned.GetProperty("assignedMemberId").GetGuid());
        var done = await (await _coordination.PostAsync($"/api/coordination/tasks/{id}/done", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Done", done.GetProperty("status").GetString());
        Assert.False(done.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task An_orientation_of_a_kind_unknown_here_still_becomes_a_task_marked_for_triage()
    {
        // A newer Patients may orient to a kind this Coordination does not know: the follow-up must not be lost.
        var commune = PlatformHosts.UniqueCommune();
        await hosts.Observer.Publish(new PatientOrientated(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), commune, "Dietitian", "régime", DateOnly.FromDateTime(DateTime.UtcNow)));

        var tasks = await Eventually.UntilAsync(
            () => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}"), t => t.GetArrayLength() == 1);
        var task = Assert.Single(tasks.EnumerateArray());
        Assert.Equal("Dietitian", task.GetProperty("kind").GetString());
        Assert.Equal("Any", task.GetProperty("profession").GetString());
        Assert.True(task.GetProperty("triage").GetBoolean());

        // Any member of the territory may take it.
        await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var pharmacist = await CoordinationSetup.MemberAsync(_coordination, commune, "Pharmacist");
        var assigned = await _coordination.PostAsJsonAsync($"/api/coordination/tasks/{task.GetProperty("id").GetGuid()}/assign", new { memberId = pharmacist });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(0, await hosts.Broker.QueueDepthAsync("coordination-patient-orientated_error"));
    }

    [Theory]
    [InlineData("/api/coordination/tasks?commune=5313", "commune")]
    [InlineData("/api/coordination/tasks?commune=00000", "commune")]
    public async Task A_filter_with_an_invalid_value_is_a_400_naming_it_not_an_empty_list(string url, string field)
    {
        var response = await _coordination.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Overdue_tasks_are_visible()
    {
        var commune = PlatformHosts.UniqueCommune();
        await hosts.Observer.Publish(new PatientOrientated(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), commune, "SocialWorker", null, new DateOnly(2026, 1, 1)));
        await Eventually.UntilAsync(() => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}"), t => t.GetArrayLength() == 1);
        await hosts.CoordinationDb.ScalarAsync<int>($"UPDATE tasks SET due_by = now() - interval '1 day' WHERE commune_code = '{commune}' RETURNING 1");

        var overdue = await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/tasks?commune={commune}&overdue=true");
        Assert.True(Assert.Single(overdue.EnumerateArray()).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Classifying_a_zone_explains_the_verdict_and_announces_it()
    {
        var announced = new System.Collections.Concurrent.ConcurrentBag<ZoneClassified>();
        var observer = hosts.Observer.ConnectReceiveEndpoint($"zones-{Guid.NewGuid():N}", e => e.Handler<ZoneClassified>(ctx => { announced.Add(ctx.Message); return Task.CompletedTask; }));
        await observer.Ready;

        var response = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new
        {
            code = "53130", name = "Laval", kind = "Commune", population = 50000, gps = 30,
            aldPrevalencePercent = 21.5, emergencyMinutes = 10, youngGpSharePercent = 12, medianIncome = 20400,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("isRedZone").GetBoolean());
        Assert.Equal(5, result.GetProperty("criteria").GetArrayLength());
        var stored = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/zones/53130");
        Assert.Equal(result.GetProperty("explanation").GetString(), stored.GetProperty("explanation").GetString());
        var evt = await Eventually.UntilAsync(() => Task.FromResult(announced.FirstOrDefault(z => z.ZoneCode == "53130")), z => z is not null);
        Assert.False(evt!.IsRedZone);
        await observer.StopAsync();

        var bad = await _coordination.PostAsJsonAsync("/api/coordination/zones/classify", new { code = "53130", name = "Laval", kind = "Commune", population = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("population", out _));
    }
}
