using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>Funding over the real database and broker: splits saved as grants, grant rules, the indemnity ledger.</summary>
[Collection(nameof(PlatformHosts))]
public class FundingTests(PlatformHosts hosts)
{
    private const string FundingQueue = "funding-mission-completed";
    private readonly HttpClient _funding = PlatformHosts.ClientOf(hosts.Funding);

    private static MissionCompleted Mission(string rpps, string kind = "WeeklyRotation", int days = 6) =>
        new(Guid.NewGuid(), kind, rpps, Guid.NewGuid(), new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 10), days, DateTimeOffset.UtcNow);

    private async Task<List<JsonElement>> Lines(string rpps) =>
        (await _funding.GetFromJsonAsync<JsonElement>($"/api/funding/indemnities?rpps={rpps}")).EnumerateArray().ToList();

    [Fact]
    public async Task A_completed_mission_writes_one_indemnity_even_when_delivered_twice()
    {
        var rpps = RppsNumbers.Valid();
        var mission = Mission(rpps, days: 5);
        var messageId = NewId.NextGuid();

        await hosts.Observer.Publish(mission, ctx => ctx.MessageId = messageId);
        await hosts.Observer.Publish(mission, ctx => ctx.MessageId = messageId);   // redelivered
        await hosts.Observer.Publish(mission);                                        // announced again under a new id

        var lines = await Eventually.UntilAsync(() => Lines(rpps), l => l.Count >= 1);
        await Task.Delay(700);
        var line = Assert.Single(await Lines(rpps));
        Assert.Equal(833.33m, line.GetProperty("amount").GetDecimal()); // 5 of 6 days, pro rata
        Assert.Equal(mission.MissionId, line.GetProperty("missionId").GetGuid());
    }

    [Fact]
    public async Task Solidarity_days_pay_200_a_day_and_salaried_schedules_nothing()
    {
        var rpps = RppsNumbers.Valid();
        await hosts.Observer.Publish(Mission(rpps, "SolidarityDays", 2));
        await hosts.Observer.Publish(Mission(rpps, "Salaried", 5));
        var lines = await Eventually.UntilAsync(() => Lines(rpps), l => l.Count >= 1);
        await Task.Delay(500);
        Assert.Equal(400m, Assert.Single(await Lines(rpps)).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_mission_kind_goes_to_the_error_queue_and_blocks_nothing()
    {
        var rpps = RppsNumbers.Valid();
        var errorsBefore = await hosts.Broker.QueueDepthAsync(FundingQueue + "_error");
        await hosts.Observer.Publish(Mission(rpps, "Sabbatical", 3));
        await hosts.Observer.Publish(Mission(rpps));

        Assert.Single(await Eventually.UntilAsync(() => Lines(rpps), l => l.Count >= 1));
        Assert.Equal(errorsBefore + 1, await Eventually.UntilAsync(() => hosts.Broker.QueueDepthAsync(FundingQueue + "_error"), d => d > errorsBefore));
    }

    [Fact]
    public async Task A_correction_is_a_reversing_line_and_a_payout_pays_each_line_once()
    {
        var rpps = RppsNumbers.Valid();
        await hosts.Observer.Publish(Mission(rpps));
        await hosts.Observer.Publish(Mission(rpps, "SolidarityDays", 1));
        var lines = await Eventually.UntilAsync(() => Lines(rpps), l => l.Count == 2);
        var solidarity = lines.Single(l => l.GetProperty("amount").GetDecimal() == 200m).GetProperty("id").GetInt64();

        var reversed = await _funding.PostAsJsonAsync($"/api/funding/indemnities/{solidarity}/reverse", new { reason = "day not worked" });
        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _funding.PostAsJsonAsync($"/api/funding/indemnities/{solidarity}/reverse", new { reason = "again" })).StatusCode);
        Assert.Equal(3, (await Lines(rpps)).Count); // nothing updated, one line added

        var paid = new System.Collections.Concurrent.ConcurrentBag<IndemnityPaid>();
        var observer = hosts.Observer.ConnectReceiveEndpoint($"paid-{Guid.NewGuid():N}", e => e.Handler<IndemnityPaid>(ctx => { paid.Add(ctx.Message); return Task.CompletedTask; }));
        await observer.Ready;
        var payout = await _funding.PostAsJsonAsync("/api/funding/payouts", new { periodStart = "2026-10-01", periodEnd = "2026-10-31" });
        Assert.Equal(HttpStatusCode.Created, payout.StatusCode);
        var batch = await payout.Content.ReadFromJsonAsync<JsonElement>();
        var mine = batch.GetProperty("practitioners").EnumerateArray().Single(p => p.GetProperty("practitionerRpps").GetString() == rpps);
        Assert.Equal(1000m, mine.GetProperty("amount").GetDecimal()); // 1,000 + 200 − 200
        Assert.Equal(3, mine.GetProperty("lines").GetInt32());

        var csv = await _funding.GetStringAsync(payout.Headers.Location!.OriginalString);
        Assert.StartsWith("rpps;lines;amount_eur;period_start;period_end;batch\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{rpps};3;1000.00;2026-10-01;2026-10-31;", csv, StringComparison.Ordinal);
        var again = await _funding.PostAsJsonAsync("/api/funding/payouts", new { periodStart = "2026-10-01", periodEnd = "2026-10-31" });
        if (again.StatusCode == HttpStatusCode.Created)
        {
            // Other tests' lines may be due in the period; never this practitioner's again.
            Assert.DoesNotContain((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("practitioners").EnumerateArray(),
                p => p.GetProperty("practitionerRpps").GetString() == rpps);
        }

        var event1 = await Eventually.UntilAsync(() => Task.FromResult(paid.FirstOrDefault(p => p.PractitionerRpps == rpps)), p => p is not null);
        Assert.Equal(1000m, event1!.Amount);
        await observer.StopAsync();
    }

    [Fact]
    public async Task A_split_is_saved_as_the_yearly_grants_it_implies()
    {
        var beneficiary = $"SMP Louis Pasteur {Guid.NewGuid():N}";
        // The twelve communes by code alone (seeds/002): names and populations are the official geography's.
        var communes = LouisPasteur.TwelveCommunes.Select(code => new { communeCode = code });
        var response = await _funding.PostAsJsonAsync("/api/funding/splits", new
        {
            total = 20000, communes,
            saveAsYearlyGrants = new { beneficiary, purpose = "SecretaryPost", startYear = 2022, endYear = 2027 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var split = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20000m, split.GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal()));
        Assert.Contains("2026", split.GetProperty("officialPopulations").GetString(), StringComparison.Ordinal);
        var olivet = split.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("communeCode").GetString() == "53169");
        Assert.Equal(("Olivet", 404, "Official", 630.81m), (olivet.GetProperty("name").GetString(), olivet.GetProperty("population").GetInt32(),
            olivet.GetProperty("populationSource").GetString(), olivet.GetProperty("amount").GetDecimal())); // 20,000 × 404 / 12,809
        Assert.Equal(12, split.GetProperty("grantIds").GetArrayLength());
        var grants = (await _funding.GetFromJsonAsync<JsonElement>("/api/funding/grants?year=2025")).EnumerateArray()
            .Where(g => g.GetProperty("beneficiary").GetString() == beneficiary).ToList();
        Assert.Equal(12, grants.Count);
        Assert.Equal(20000m, grants.Sum(g => g.GetProperty("amount").GetDecimal()));
        Assert.All(grants, g => Assert.Equal("Yearly", g.GetProperty("periodicity").GetString()));
    }

    [Fact]
    public async Task A_bad_split_or_grant_is_a_400_naming_the_field_and_writes_nothing()
    {
        var grants = await hosts.FundingDb.ScalarAsync<long>("SELECT count(*) FROM grants");
        var split = await _funding.PostAsJsonAsync("/api/funding/splits", new
        {
            total = 100.005, communes = new[] { new { communeCode = "53001", population = 10 }, new { communeCode = "53001", population = 10 } },
            saveAsYearlyGrants = new { beneficiary = "X", purpose = "SecretaryPost", startYear = 2026, endYear = 2020 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, split.StatusCode);
        var errors = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("total", out _) && errors.TryGetProperty("communes[1].communeCode", out _) && errors.TryGetProperty("saveAsYearlyGrants.endYear", out _));

        // Codes the official geography does not know, or no longer: each named, with the successor of a merged commune.
        var unknown = await _funding.PostAsJsonAsync("/api/funding/splits", new { total = 100, communes = new[] { new { communeCode = "53999" }, new { communeCode = "53171" } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownErrors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("No commune has the INSEE code 53999", unknownErrors.GetProperty("communes[0].communeCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("53171 is a former commune, now part of 53133 Lignières-Orgères: use 53133.", unknownErrors.GetProperty("communes[1].communeCode")[0].GetString());

        var leader = await (await _funding.PostAsJsonAsync("/api/funding/funders", new { name = $"LEADER {Guid.NewGuid():N}", kind = "EuLeader" })).Content.ReadFromJsonAsync<JsonElement>();
        var tooMuch = await _funding.PostAsJsonAsync("/api/funding/grants", new
        {
            funderId = leader.GetProperty("id").GetGuid(), amount = 70000, periodicity = "OneOff", startYear = 2026, purpose = "OpeningCosts",
            beneficiary = "Antenne", projectBudget = 165000,
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.True((await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(grants, await hosts.FundingDb.ScalarAsync<long>("SELECT count(*) FROM grants"));
    }
}
