using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Missions;
using Platform.Missions.WaitingLists;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// Missions knows who waits where from Patients' events over the real broker (no call back to Patients): a person on
/// two lists counts once, leaves the count when off every list, and follows a move.
/// </summary>
[Collection(nameof(PlatformHosts))]
public class WaitingListProjectionTests(PlatformHosts hosts)
{
    private readonly HttpClient _patients = PlatformHosts.ClientOf(hosts.Patients);

    private async Task<int> WaitingInMissions(string commune)
    {
        await using var scope = hosts.Missions.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<MissionsDbContext>().WaitingByCommuneAsync([commune], CancellationToken.None);
        return counts.GetValueOrDefault(commune);
    }

    [Fact]
    public async Task Missions_counts_each_waiting_person_once_from_patients_events()
    {
        var (commune, elsewhere) = (Communes.Unique(), Communes.Unique());
        var registered = await _patients.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1949, month: 5), firstName = "Odette", lastName = "Huet", birthDate = "1949-05-20", communeCode = commune,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var patient = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<Guid> Enrol(string key)
        {
            var response = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists", new { scope = "territory", key });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetGuid();
        }

        var first = await Enrol($"projection-{commune}");
        var second = await Enrol($"projection-{commune}-bis");
        await Eventually.UntilAsync(() => hosts.MissionsDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE patient_id = '{patient}'"), n => n == 2);
        Assert.Equal(1, await WaitingInMissions(commune)); // two lists, one person

        var left = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{first}/leave", new { reason = "Other" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        await Eventually.UntilAsync(() => hosts.MissionsDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE entry_id = '{first}' AND left_at IS NOT NULL"), n => n == 1);
        Assert.Equal(1, await WaitingInMissions(commune)); // still on the second list

        var moved = await _patients.PutAsJsonAsync($"/api/patients/{patient}", new
        {
            firstName = "Odette", lastName = "Huet", birthDate = "1949-05-20", communeCode = elsewhere,
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await Eventually.UntilAsync(() => WaitingInMissions(elsewhere), n => n == 1);
        Assert.Equal(0, await WaitingInMissions(commune));

        await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{second}/leave", new { reason = "GivenDoctor" });
        await Eventually.UntilAsync(() => WaitingInMissions(elsewhere), n => n == 0);
    }

    [Fact]
    public async Task A_replay_rebuilds_a_lost_projection_from_patients_lists_without_counting_an_enrolment_twice()
    {
        var commune = Communes.Unique();
        var registered = await _patients.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1952, month: 3), firstName = "Lucien", lastName = "Baudry", birthDate = "1952-03-11", communeCode = commune,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var patient = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var entries = new List<Guid>();
        foreach (var key in new[] { $"replay-{commune}", $"replay-{commune}-bis" })
        {
            var enrolled = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists", new { scope = "territory", key });
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            entries.Add((await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetGuid());
        }

        var left = await _patients.PostAsJsonAsync($"/api/patients/{patient}/waiting-lists/{entries[0]}/leave", new { reason = "Other" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        await Eventually.UntilAsync(() => hosts.MissionsDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE patient_id = '{patient}' AND left_at IS NOT NULL"), n => n == 1);
        await Eventually.UntilAsync(() => EnrolmentsInCoordination(commune), n => n == 1); // two enrolled, one left

        // Missions loses them (a database restored from an older backup, a version without the projection).
        await hosts.MissionsDb.ExecuteAsync($"DELETE FROM waiting_entries WHERE patient_id = '{patient}'; DELETE FROM waiting_patients WHERE patient_id = '{patient}'");
        Assert.Equal(0, await WaitingInMissions(commune));

        using var admin = PlatformHosts.ClientOf(hosts.Missions);
        var replay = await admin.PostAsync(new Uri("/api/missions/admin/waiting-lists/replay", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.NotEqual(Guid.Empty, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid());

        // The open entry comes back with the patient's commune; the one left is not in the answer.
        await Eventually.UntilAsync(() => WaitingInMissions(commune), n => n == 1);
        Assert.Equal(1, await hosts.MissionsDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE entry_id = '{entries[1]}' AND left_at IS NULL"));
        Assert.Equal(0, await hosts.MissionsDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE entry_id = '{entries[0]}'"));

        // A replay is not an enrolment: Coordination, which counts enrolments, saw nothing new.
        using var partner = PlatformHosts.ClientOf(hosts.Missions, role: "cpts-coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync(new Uri("/api/missions/admin/waiting-lists/replay", UriKind.Relative), null)).StatusCode);
        Assert.Equal(1, await EnrolmentsInCoordination(commune));
    }

    /// <summary>Coordination's count of open entries for the commune: enrolments minus departures.</summary>
    private Task<long> EnrolmentsInCoordination(string commune) =>
        hosts.CoordinationDb.ScalarAsync<long>($"SELECT coalesce(max(waiting_list_entries), 0) FROM commune_indicators WHERE commune_code = '{commune}'");
}
