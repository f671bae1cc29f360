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
}
