using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Grpc.Patients;
using Platform.Messaging;
using Platform.Patients;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// Access by scope, role × scope (inside, outside, none), on the Patients service with the identities the gateway
/// would sign: a partner reaches only the patients of its communes, its site, or (a practitioner) those it consulted
/// or who wait for a site where it has a mission (known from Missions' events, over the real broker).
/// </summary>
[Collection(nameof(PlatformHosts))]
public class PatientScopeTests(PlatformHosts hosts) : IAsyncLifetime
{
    private readonly HttpClient _region = PlatformHosts.ClientOf(hosts.Patients);
    private readonly string _inside = Communes.Unique();
    private readonly string _outside = Communes.Unique();
    private Guid _site;
    private string _rpps = "";
    private Guid _resident; // lives in _inside
    private Guid _stranger; // lives in _outside, on no list
    private Guid _waitingAtSite; // lives in _outside, waits for _site
    private Guid _consulted; // lives in _outside, consulted by _rpps at _site (then left no list)

    public async Task InitializeAsync()
    {
        (_site, _rpps) = await hosts.MissionsReferencesAsync();
        _resident = await RegisterAsync(_inside);
        _stranger = await RegisterAsync(_outside);
        _waitingAtSite = await RegisterAsync(_outside);
        Assert.Equal(HttpStatusCode.Created, (await _region.PostAsJsonAsync($"/api/patients/{_waitingAtSite}/waiting-lists", new { scope = "site", key = _site })).StatusCode);
        _consulted = await RegisterAsync(_outside);
        Assert.Equal(HttpStatusCode.Created, (await _region.PostAsJsonAsync($"/api/patients/{_consulted}/consultations",
            new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), siteId = _site, practitionerRpps = _rpps, kind = "Scheduled" })).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> RegisterAsync(string commune, HttpClient? client = null)
    {
        var response = await (client ?? _region).PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1950), firstName = "Odette", lastName = "Scope", birthDate = "1950-03-15", communeCode = commune });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private string Scope(string kind) => kind switch
    {
        "region" => "region",
        "communes" => $"communes:{_inside}",
        "site" => $"site:{_site}",
        "practitioner" => $"practitioner:{_rpps}",
        _ => "",
    };

    /// <summary>Which of the four patients each scope reaches (the practitioner: consulted; its site's waiting patients come with a mission, below).</summary>
    private (Guid Patient, bool Visible)[] Expected(string kind) =>
    [
        (_resident, kind is "region" or "communes"),
        (_stranger, kind is "region"),
        (_waitingAtSite, kind is "region" or "site"),
        (_consulted, kind is "region" or "site" or "practitioner"),
    ];

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var (role, scopes) in new (string, string[])[]
                 {
                     ("platform-admin", ["region"]),
                     ("cpts-coordinator", ["region", "communes", "none"]),
                     ("centre-staff", ["site", "communes", "none"]),
                     ("practitioner", ["practitioner", "none"]),
                 })
        {
            foreach (var scope in scopes)
            {
                cells.Add(role, scope);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_care_role_reads_searches_and_writes_only_the_patients_of_its_scope(string role, string scope)
    {
        using var client = PlatformHosts.ClientOf(hosts.Patients, $"scoped-{role}", role, Scope(scope));
        var found = (await client.GetFromJsonAsync<JsonElement>("/api/patients?name=Scope&pageSize=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToHashSet();

        foreach (var (patient, visible) in Expected(scope))
        {
            var read = await client.GetAsync($"/api/patients/{patient}");
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound, read.StatusCode);
            Assert.Equal(visible, found.Contains(patient));
            var consultations = await client.GetAsync($"/api/patients/{patient}/consultations");
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound, consultations.StatusCode);
            if (!visible)
            {
                // A write on a patient outside the scope is a 404 too, and changes nothing.
                var update = await client.PutAsJsonAsync($"/api/patients/{patient}",
                    new { firstName = "Hacked", lastName = "Scope", birthDate = "1950-03-15", communeCode = _outside });
                Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/patients/{patient}/identity")).StatusCode);
            }
        }

        foreach (var patient in new[] { _resident, _stranger, _waitingAtSite, _consulted })
        {
            Assert.Equal("Odette", (await hosts.PatientAsync(patient))!.FirstName);
        }
    }

    [Fact]
    public async Task A_funder_or_an_analyst_sees_its_scope_in_aggregates_only()
    {
        Assert.Equal(HttpStatusCode.Created, (await _region.PostAsJsonAsync($"/api/patients/{_resident}/waiting-lists", new { scope = "site", key = _site })).StatusCode);
        using var funder = PlatformHosts.ClientOf(hosts.Patients, "town-hall", "funder", Scope("communes"));
        using var analyst = PlatformHosts.ClientOf(hosts.Patients, "ars", "ars-analyst", "region");

        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync($"/api/patients/{_resident}")).StatusCode); // never a record

        var seenByFunder = await funder.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/site/{_site}");
        var row = Assert.Single(seenByFunder.GetProperty("items").EnumerateArray()); // _waitingAtSite lives outside its communes
        Assert.Equal(_resident, row.GetProperty("patientId").GetGuid());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lastName").ValueKind);
        Assert.Equal(1, seenByFunder.GetProperty("total").GetInt32());
        Assert.Equal(2, (await analyst.GetFromJsonAsync<JsonElement>($"/api/patients/waiting-lists/site/{_site}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Writes_name_the_field_outside_the_scope_and_never_reveal_a_patient_outside_it()
    {
        using var territory = PlatformHosts.ClientOf(hosts.Patients, "cpts-x", "cpts-coordinator", Scope("communes"));
        var outside = await territory.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1950), firstName = "Jean", lastName = "Ailleurs", birthDate = "1950-03-15", communeCode = _outside });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("communeCode", out _));

        // The NIR of a patient outside the scope: a conflict, without the patient's id.
        var nir = (await hosts.PatientAsync(_stranger))!.Nir;
        var duplicate = await territory.PostAsJsonAsync("/api/patients",
            new { nir, firstName = "Odette", lastName = "Scope", birthDate = "1950-03-15", communeCode = _inside });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.DoesNotContain(_stranger.ToString(), await duplicate.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // A centre's registration lands on its own waiting list, so the patient stays in its scope.
        using var centre = PlatformHosts.ClientOf(hosts.Patients, "centre-x", "centre-staff", Scope("site"));
        var registered = await RegisterAsync(_outside, centre);
        Assert.Equal(HttpStatusCode.OK, (await centre.GetAsync($"/api/patients/{registered}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await centre.PostAsJsonAsync($"/api/patients/{registered}/waiting-lists", new { scope = "territory", key = _outside })).StatusCode);
        var elsewhere = await centre.PostAsJsonAsync($"/api/patients/{registered}/consultations",
            new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), siteId = Guid.NewGuid(), practitionerRpps = _rpps, kind = "Scheduled" });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.True((await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("siteId", out _));

        using var practitioner = PlatformHosts.ClientOf(hosts.Patients, "dr-x", "practitioner", Scope("practitioner"));
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1950), firstName = "Jean", lastName = "Ailleurs", birthDate = "1950-03-15", communeCode = _inside })).StatusCode);
    }

    [Fact]
    public async Task A_practitioner_scheduled_at_a_site_sees_its_waiting_patients_and_loses_them_when_the_mission_is_cancelled()
    {
        using var practitioner = PlatformHosts.ClientOf(hosts.Patients, "dr-x", "practitioner", Scope("practitioner"));
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/patients/{_waitingAtSite}")).StatusCode);

        using var missions = PlatformHosts.ClientOf(hosts.Missions);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(35 + ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        var scheduled = await missions.PostAsJsonAsync("/api/missions/missions",
            new { kind = "WeeklyRotation", practitionerRpps = _rpps, siteId = _site, startDate = monday, endDate = monday.AddDays(5) });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var mission = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // MissionScheduled: Missions' outbox → RabbitMQ → Patients' inbox → practitioner_sites.
        var seen = await Eventually.UntilAsync(async () => (await practitioner.GetAsync($"/api/patients/{_waitingAtSite}")).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, seen);
        var statistics = new PatientStatistics.PatientStatisticsClient(PlatformHosts.GrpcChannelOf(hosts.Patients, caller: "coordination"));
        Assert.True((await statistics.GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = _stranger.ToString() })).Found); // a service sees the region

        Assert.Equal(HttpStatusCode.OK, (await missions.PostAsync($"/api/missions/missions/{mission}/cancel", null)).StatusCode);
        var gone = await Eventually.UntilAsync(async () => (await practitioner.GetAsync($"/api/patients/{_waitingAtSite}")).StatusCode,
            s => s == HttpStatusCode.NotFound, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/api/patients/{_consulted}")).StatusCode); // consulted: still theirs
    }

    [Fact]
    public async Task A_cancellation_that_arrives_before_its_scheduling_keeps_the_site_closed()
    {
        // Each event has its own queue, so Patients may apply a mission's cancellation before its scheduling.
        var mission = Guid.NewGuid();
        var bus = hosts.Patients.Services.GetRequiredService<IBus>();
        var cancelled = Guid.NewGuid();
        await bus.Publish(new MissionCancelled(mission, _rpps, _site, DateTimeOffset.UtcNow), c => c.MessageId = cancelled);
        await Eventually.UntilAsync(() => AppliedAsync(cancelled, "MissionCancelledConsumer"), applied => applied);
        var scheduled = Guid.NewGuid();
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42);
        await bus.Publish(new MissionScheduled(mission, _rpps, _site, monday, monday.AddDays(5), DateTimeOffset.UtcNow.AddMinutes(-1)),
            c => c.MessageId = scheduled);
        await Eventually.UntilAsync(() => AppliedAsync(scheduled, "MissionScheduledConsumer"), applied => applied);

        using var practitioner = PlatformHosts.ClientOf(hosts.Patients, "dr-x", "practitioner", Scope("practitioner"));
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/patients/{_waitingAtSite}")).StatusCode);
    }

    private async Task<bool> AppliedAsync(Guid messageId, string consumer)
    {
        await using var scope = hosts.Patients.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer);
    }
}
