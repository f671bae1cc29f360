using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// Through the gateway: a commune classified red (Coordination → ZoneClassified → Missions), solidarity days there
/// within the monthly limit, a mission completed (Missions → MissionCompleted → Funding), its indemnity paid once.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class MissionJourneyTests(RunningPlatform platform)
{
    [Fact]
    public async Task Solidarity_days_in_a_red_zone_end_as_one_indemnity()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var rpps = RppsNumbers.Valid();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/missions/practitioners",
            new { rpps, firstName = "Hélène", lastName = "Morin", status = "Active", homeCommuneCode = "53130" })).StatusCode);
        var site = (await (await gateway.PostAsJsonAsync("/api/missions/sites", new { name = $"Antenne {Guid.NewGuid():N}", kind = "Antenna", communeCode = commune }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Days(string start, string end) => new { kind = "SolidarityDays", practitionerRpps = rpps, siteId = site, startDate = start, endDate = end };

        // Not a red zone yet: refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.PostAsJsonAsync("/api/missions/missions", Days("2026-12-07", "2026-12-08"))).StatusCode);

        var classified = await gateway.PostAsJsonAsync("/api/coordination/zones/classify", new
        {
            code = commune, name = "Commune rurale", kind = "Commune", population = 9000, gps = 2,
            aldPrevalencePercent = 24, emergencyMinutes = 40, youngGpSharePercent = 5, medianIncome = 17500,
        });
        Assert.True((await classified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isRedZone").GetBoolean());

        var scheduled = await Eventually.UntilAsync(() => gateway.PostAsJsonAsync("/api/missions/missions", Days("2026-12-07", "2026-12-08")),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var mission = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsJsonAsync("/api/missions/missions", Days("2026-12-08", "2026-12-08"))).StatusCode); // same day
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsJsonAsync("/api/missions/missions", Days("2026-12-21", "2026-12-21"))).StatusCode); // 3rd day this month
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsync($"/api/missions/missions/{mission}/complete", null)).StatusCode); // not started

        foreach (var step in new[] { "confirm", "start", "complete" })
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsync($"/api/missions/missions/{mission}/{step}", null)).StatusCode);
        }

        var lines = await Eventually.UntilAsync(
            () => gateway.GetFromJsonAsync<JsonElement>($"/api/funding/indemnities?rpps={rpps}"), l => l.GetArrayLength() >= 1, TimeSpan.FromSeconds(10));
        var line = Assert.Single(lines.EnumerateArray());
        Assert.Equal(400m, line.GetProperty("amount").GetDecimal());
        Assert.Equal(mission, line.GetProperty("missionId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsync($"/api/missions/missions/{mission}/complete", null)).StatusCode);
    }

    [Fact]
    public async Task A_site_week_holds_its_lines_and_rotations_run_monday_to_saturday()
    {
        using var gateway = platform.CreateGatewayClient();
        var site = (await (await gateway.PostAsJsonAsync("/api/missions/sites", new { name = $"Centre {Guid.NewGuid():N}", kind = "CentreDeSante", communeCode = "53130", linesPerWeek = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = RppsNumbers.Valid();
        var second = RppsNumbers.Valid();
        foreach (var rpps in new[] { first, second })
        {
            await gateway.PostAsJsonAsync("/api/missions/practitioners", new { rpps, firstName = "A", lastName = "B", status = "Retired", homeCommuneCode = "53130" });
        }

        object Rotation(string rpps, string start, string end) => new { kind = "WeeklyRotation", practitionerRpps = rpps, siteId = site, startDate = start, endDate = end };
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.PostAsJsonAsync("/api/missions/missions", Rotation(first, "2026-12-08", "2026-12-13"))).StatusCode); // a Tuesday
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/missions/missions", Rotation(first, "2026-12-07", "2026-12-12"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsJsonAsync("/api/missions/missions", Rotation(second, "2026-12-07", "2026-12-12"))).StatusCode); // one line
        var next = await gateway.PostAsJsonAsync("/api/missions/missions", Rotation(second, "2026-12-21", "2026-12-26"));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);

        var weeks = (await gateway.GetFromJsonAsync<JsonElement>($"/api/missions/sites/{site}/weeks?from=2026-12-07&weeks=3")).EnumerateArray().ToList();
        Assert.Equal([false, true, false], weeks.Select(w => w.GetProperty("uncovered").GetBoolean()));
        Assert.Equal(first, weeks[0].GetProperty("rotations")[0].GetProperty("practitionerRpps").GetString());

        var nextId = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var handover = await gateway.GetFromJsonAsync<JsonElement>($"/api/missions/missions/{nextId}/handover");
        Assert.Equal(first, handover.GetProperty("previous").GetProperty("practitionerRpps").GetString());
        Assert.Equal(JsonValueKind.Null, handover.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.GetAsync($"/api/missions/sites/{site}/weeks?from=2026-12-08")).StatusCode); // not a Monday
    }
}
