using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// Through the gateway: enrol practitioners and sites, plan a period, accept the plan, run one of its rotations to
/// completion, and see the indemnity in Funding.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class PlanningJourneyTests(RunningPlatform platform)
{
    private static readonly string[] s_firstWeek = ["2027-03-01"];

    [Fact]
    public async Task A_plan_covers_what_can_be_covered_explains_the_rest_and_becomes_missions()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var sites = new List<Guid>();
        foreach (var name in new[] { "Centre A", "Centre B" })
        {
            var created = await gateway.PostAsJsonAsync("/api/missions/sites",
                new { name = $"{name} {commune}", kind = "CentreDeSante", communeCode = commune, finess = "530000123", consultationsPerDay = 30, openingHours = "Mon-Sat 08:30-19:00" });
            var site = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(30, site.GetProperty("consultationsPerDay").GetInt32());
            sites.Add(site.GetProperty("id").GetGuid());
        }

        string alice = RppsNumbers.Valid(), bruno = RppsNumbers.Valid(), carla = RppsNumbers.Valid();
        var monday = new DateOnly(2027, 3, 1).AddDays(7 * Random.Shared.Next(0, 40));
        foreach (var rpps in new[] { alice, bruno, carla })
        {
            // Alice registers her availability (both weeks); the others give theirs in the planning request.
            var availability = rpps == alice ? new[] { new { from = monday.AddDays(-2), to = monday.AddDays(13) } } : [];
            Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/missions/practitioners",
                new { rpps, firstName = "Prénom", lastName = "Volontaire", status = "Retired", homeCommuneCode = "53130", email = "v@example.org", availability })).StatusCode);
        }

        var request = new
        {
            communes = new[] { commune },
            from = monday,
            weeks = 2,
            volunteers = new object[]
            {
                new { rpps = alice, maxRotations = 2 }, // weeks from her availability windows
                new { rpps = bruno, availableWeeks = new[] { monday }, communes = new[] { commune } },
                new { rpps = carla, availableWeeks = Array.Empty<DateOnly>() },
            },
        };

        var planned = await gateway.PostAsJsonAsync("/api/missions/planning", request);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var plan = await planned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, plan.GetProperty("openSiteWeeks").GetInt32());
        Assert.Equal(3, plan.GetProperty("coverage").GetInt32());
        Assert.Equal(3, plan.GetProperty("bound").GetInt32());
        Assert.True(plan.GetProperty("optimal").GetBoolean());
        var gap = Assert.Single(plan.GetProperty("gaps").EnumerateArray());
        Assert.Equal(monday.AddDays(7), DateOnly.Parse(gap.GetProperty("weekStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("higher or equal priority", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var accepted = await gateway.PostAsync($"/api/missions/planning/{plan.GetProperty("planId").GetGuid()}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var missions = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(3, missions.Count);
        Assert.All(missions, m => Assert.Equal("Proposed", m.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await gateway.PostAsync($"/api/missions/planning/{plan.GetProperty("planId").GetGuid()}/accept", null)).StatusCode);

        // The same plan again no longer fits: the weeks are taken now.
        var again = await (await gateway.PostAsJsonAsync("/api/missions/planning", request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("openSiteWeeks").GetInt32());

        var brunos = missions.Single(m => m.GetProperty("practitionerRpps").GetString() == bruno).GetProperty("id").GetGuid();
        foreach (var step in new[] { "confirm", "start", "complete" })
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsync($"/api/missions/missions/{brunos}/{step}", null)).StatusCode);
        }

        var lines = await Eventually.UntilAsync(
            () => gateway.GetFromJsonAsync<JsonElement>($"/api/funding/indemnities?rpps={bruno}"), l => l.GetArrayLength() >= 1, TimeSpan.FromSeconds(10));
        Assert.Equal(brunos, Assert.Single(lines.EnumerateArray()).GetProperty("missionId").GetGuid());

        // What Funding and Coordination ask Missions over gRPC, here through the gateway's gRPC endpoint.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(platform.Gateway.GrpcAddress);
        var activity = new Platform.Contracts.Grpc.Missions.MissionActivity.MissionActivityClient(channel);
        var key = new Grpc.Core.Metadata { { "x-api-key", platform.RoleKeys["funder"] } };
        var days = await activity.GetDaysWorkedAsync(new() { Rpps = bruno, From = $"{monday:yyyy-MM-dd}", To = $"{monday.AddDays(13):yyyy-MM-dd}" }, key);
        Assert.Equal(6, days.DaysWorked);
        Assert.Equal(1, days.MissionsCompleted);
        var coverage = await activity.GetWeekCoverageAsync(new() { SiteId = sites[0].ToString(), From = $"{monday:yyyy-MM-dd}", Weeks = 3 }, key);
        Assert.Equal([true, plan.GetProperty("assignments").EnumerateArray().Any(a => a.GetProperty("siteId").GetGuid() == sites[0]
            && a.GetProperty("weekStart").GetString() == $"{monday.AddDays(7):yyyy-MM-dd}"), false], coverage.Weeks.Select(w => w.Covered));
        var invalid = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => activity.GetDaysWorkedAsync(new() { Rpps = "123", From = "x", To = "y" }, key).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, invalid.StatusCode);
    }

    [Fact]
    public async Task A_bad_planning_request_names_its_fields()
    {
        using var gateway = platform.CreateGatewayClient();
        var response = await gateway.PostAsJsonAsync("/api/missions/planning", new
        {
            from = "2027-03-02", weeks = 40,
            volunteers = new[] { new { rpps = "12345678901", availableWeeks = s_firstWeek } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("weeks", out _));
        Assert.True(errors.TryGetProperty("volunteers[0].rpps", out _));

        var unknown = await gateway.PostAsJsonAsync("/api/missions/planning", new
        {
            from = "2027-03-01", weeks = 1, volunteers = new[] { new { rpps = RppsNumbers.Valid(), availableWeeks = s_firstWeek } },
        });
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("volunteers[0].rpps", out _));
    }
}
