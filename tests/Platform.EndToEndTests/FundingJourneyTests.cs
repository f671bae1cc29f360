using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>Through the gateway: a site's funders and grants, its costs, and its budget with the coverage ratio.</summary>
[Collection(nameof(RunningPlatform))]
public class FundingJourneyTests(RunningPlatform platform)
{
    [Fact]
    public async Task The_louis_pasteur_budget_shows_its_coverage_ratio_and_shortfall()
    {
        using var gateway = platform.CreateGatewayClient();
        var site = (await (await gateway.PostAsJsonAsync("/api/missions/sites",
            new { name = $"SMP Louis Pasteur {Guid.NewGuid():N}", kind = "CentreDeSante", communeCode = "53130", linesPerWeek = 2 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<Guid> Funder(string name, string kind) =>
            (await (await gateway.PostAsJsonAsync("/api/funding/funders", new { name = $"{name} {Guid.NewGuid():N}", kind })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var region = await Funder("Région Pays de la Loire", "Region");
        var departement = await Funder("Département de la Mayenne", "Departement");
        var spc = await Funder("Saint-Pierre-la-Cour", "Commune");
        foreach (var (funder, amount, periodicity, purpose) in new[]
                 {
                     (region, 86133m, "OneOff", "OpeningCosts"), (departement, 40000m, "OneOff", "OpeningCosts"), (spc, 40000m, "Yearly", "SecretaryPost"),
                 })
        {
            var grant = await gateway.PostAsJsonAsync("/api/funding/grants", new { funderId = funder, amount, periodicity, startYear = 2022, purpose, siteId = site });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        }

        var unknownSite = await gateway.PostAsJsonAsync("/api/funding/grants", new { funderId = region, amount = 10, periodicity = "OneOff", startYear = 2022, purpose = "Premises", siteId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownSite.StatusCode);

        var cost = await gateway.PostAsJsonAsync($"/api/funding/sites/{site}/costs", new { year = 2022, category = "OpeningCosts", amount = 166133, description = "Antenna opening (160-170 kEUR)" });
        Assert.Equal(HttpStatusCode.Created, cost.StatusCode);
        await gateway.PostAsJsonAsync($"/api/funding/sites/{site}/costs", new { year = 2022, category = "SecretaryPost", amount = 40000 });

        var budget = await gateway.GetFromJsonAsync<JsonElement>($"/api/funding/sites/{site}/budget?year=2022");
        Assert.Equal(206133m, budget.GetProperty("totalCosts").GetDecimal());
        Assert.Equal(166133m, budget.GetProperty("funding").GetDecimal());
        Assert.Equal(40000m, budget.GetProperty("shortfall").GetDecimal());
        Assert.Equal(0.806m, Math.Round(budget.GetProperty("coverageRatio").GetDecimal(), 3));

        // The shortfall was announced through the outbox (BudgetShortfallDetected), and published.
        var announced = await Eventually.UntilAsync(() => platform.Databases["funding"].ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%BudgetShortfallDetected' AND payload->>'siteId' = '{site}' AND sent_at IS NOT NULL"), c => c >= 1);
        Assert.Equal(1L, announced); // the first cost was fully funded; the second left 40,000 EUR uncovered: one event

        // The twelve communes' 20,000 EUR, split by population through the gateway.
        var split = await gateway.PostAsJsonAsync("/api/funding/splits", new
        {
            total = 20000,
            communes = LouisPasteur.TwelveCommunes.Select(code => new { communeCode = code }), // official populations
        });
        var shares = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shares").EnumerateArray().Select(x => x.GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal(12, shares.Count);
        Assert.Equal(20000.00m, shares.Sum());

        var breakEven = await gateway.GetFromJsonAsync<JsonElement>("/api/funding/network/break-even");
        Assert.Equal(21, breakEven.GetProperty("centresNeeded").GetInt32());
    }
}
