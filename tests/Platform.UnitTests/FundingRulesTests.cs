using Platform.Funding;
using Platform.Funding.Funders;
using Platform.Funding.Grants;
using Platform.Funding.Indemnities;
using Platform.Funding.Splits;
using Platform.Messaging;

namespace Platform.UnitTests;

public class FundingRulesTests
{
    /// <summary>
    /// The Louis Pasteur case (DOMAIN.md, seeds/002): the twelve other communes share 20,000 EUR a year by population.
    /// Named by code alone: names and populations come from the official geography.
    /// </summary>
    public static readonly CommunePopulation[] LouisPasteurCommunes =
    [
        new("53137"), new("53026"), new("53039"), new("53040"), new("53045"), new("53108"),
        new("53129"), new("53158"), new("53169"), new("53182"), new("53209"), new("53243"),
    ];

    private static SplitCommune[] Given(params (string Code, int Population)[] communes) =>
        [.. communes.Select(c => new SplitCommune(c.Code, c.Code, c.Population, PopulationSource.Given))];

    [Fact]
    public void The_louis_pasteur_split_adds_up_to_the_cent_and_follows_the_official_populations()
    {
        Assert.Empty(PopulationSplit.Validate(20_000m, LouisPasteurCommunes));
        var communes = PopulationSplit.Resolve(LouisPasteurCommunes);
        Assert.All(communes, c => Assert.Equal(PopulationSource.Official, c.Source));
        Assert.Equal(("Loiron-Ruillé", 2_758), (communes[0].Name, communes[0].Population));
        var shares = PopulationSplit.Split(20_000m, communes);

        Assert.Equal(20_000.00m, shares.Sum(s => s.Amount));
        var totalPopulation = communes.Sum(c => c.Population);
        Assert.Equal(12_809, totalPopulation);
        foreach (var share in shares)
        {
            var exact = 20_000m * share.Population / totalPopulation;
            Assert.True(Math.Abs(share.Amount - exact) < 0.01m, $"{share.Name}: {share.Amount} vs {exact}");
            Assert.Equal(share.Amount, Math.Round(share.Amount, 2));
        }

        Assert.Equal(4_306.35m, shares.Single(s => s.CommuneCode == "53137").Amount); // 20,000 × 2,758 / 12,809 = 4,306.347...
        Assert.Equal(546.49m, shares.Single(s => s.Name == "Launay-Villiers").Amount); // 20,000 × 350 / 12,809 = 546.490...
    }

    [Fact]
    public void A_given_population_or_name_wins_over_the_official_one()
    {
        var communes = PopulationSplit.Resolve([new("53137", "Loiron", 3_000), new("53026")]);
        Assert.Equal(new SplitCommune("53137", "Loiron", 3_000, PopulationSource.Given), communes[0]);
        Assert.Equal(new SplitCommune("53026", "Beaulieu-sur-Oudon", 483, PopulationSource.Official), communes[1]);
    }

    [Fact]
    public void Left_over_cents_go_to_the_largest_remainders_then_deterministically()
    {
        // 1.00 EUR among three equal communes: 33 cents each, the last cent to the smallest INSEE code.
        var shares = PopulationSplit.Split(1m, Given(("53003", 10), ("53001", 10), ("53002", 10)));
        Assert.Equal([0.34m, 0.33m, 0.33m], shares.OrderBy(s => s.CommuneCode).Select(s => s.Amount));

        // 0.10 EUR between populations 2 and 1: quotas 6.67 and 3.33 cents: the larger remainder gets the cent.
        var uneven = PopulationSplit.Split(0.10m, Given(("53001", 1), ("53002", 2)));
        Assert.Equal([0.03m, 0.07m], uneven.Select(s => s.Amount));
    }

    [Fact]
    public void Any_split_adds_up_exactly()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var communes = Enumerable.Range(0, random.Next(1, 40)).Select(i => new SplitCommune($"53{i:000}", "", random.Next(1, 100_000), PopulationSource.Given)).ToList();
            var total = random.Next(1, 10_000_000) / 100m;
            Assert.Equal(total, PopulationSplit.Split(total, communes).Sum(s => s.Amount));
        }
    }

    [Fact]
    public void A_bad_split_names_its_fields()
    {
        var errors = PopulationSplit.Validate(-5m, [new("53001", null, 0), new("53001", null, 10), new("5300", null, 1), new("53171"), new("55039")]);
        Assert.Equal(["communes[0].population", "communes[1].communeCode", "communes[2].communeCode", "communes[3].communeCode", "communes[4].population", "total"], errors.Keys.Order());
        Assert.Contains("use 53133", errors["communes[3].communeCode"][0], StringComparison.Ordinal); // a former commune: its successor named
        Assert.Contains("no inhabitants", errors["communes[4].population"][0], StringComparison.Ordinal); // Beaumont-en-Verdunois, 0 inhabitants
        Assert.Contains("communes", PopulationSplit.Validate(10m, []).Keys);
    }

    [Theory]
    [InlineData("12.345", "amount")]
    [InlineData("0", "amount")]
    [InlineData("-10", "amount")]
    public void Amounts_are_positive_with_at_most_two_decimals(string amount, string field)
    {
        var request = Grant(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(field, GrantEndpoints.Validate(request, FunderKind.Region).Keys);
    }

    [Fact]
    public void Eu_leader_covers_at_most_40_percent_of_the_project()
    {
        Assert.Empty(GrantEndpoints.Validate(Grant(64_000m) with { ProjectBudget = 160_000m }, FunderKind.EuLeader));
        Assert.Equal(["amount"], GrantEndpoints.Validate(Grant(64_000.01m) with { ProjectBudget = 160_000m }, FunderKind.EuLeader).Keys);
        Assert.Equal(["projectBudget"], GrantEndpoints.Validate(Grant(10m), FunderKind.EuLeader).Keys);
        Assert.Empty(GrantEndpoints.Validate(Grant(100_000m) with { ProjectBudget = 160_000m }, FunderKind.Region));
    }

    [Fact]
    public void A_yearly_grant_does_not_end_before_it_starts_and_amounts_are_in_euros()
    {
        Assert.Equal(["endYear"], GrantEndpoints.Validate(Grant(20_000m) with { Periodicity = GrantPeriodicity.Yearly, StartYear = 2026, EndYear = 2025 }, FunderKind.Commune).Keys);
        Assert.Equal(["endYear"], GrantEndpoints.Validate(Grant(20_000m) with { EndYear = 2027 }, FunderKind.Commune).Keys); // one-off
        Assert.Equal(["currency"], GrantEndpoints.Validate(Grant(20_000m) with { Currency = "USD" }, FunderKind.Commune).Keys);
    }

    [Theory]
    [InlineData("SolidarityDays", 2, 400)]
    [InlineData("SolidarityDays", 1, 200)]
    [InlineData("WeeklyRotation", 6, 1000)]
    [InlineData("WeeklyRotation", 5, 833.33)]
    [InlineData("WeeklyRotation", 1, 166.67)]
    [InlineData("WeeklyRotation", 4, 666.67)]
    public void Indemnities_follow_the_rules(string kind, int days, double expected) =>
        Assert.Equal((decimal)expected, IndemnityRules.AmountFor(kind, days));

    [Fact]
    public void Salaried_schedules_are_not_indemnities_and_unknown_kinds_are_invalid_messages()
    {
        Assert.Null(IndemnityRules.AmountFor("Salaried", 5));
        Assert.Throws<InvalidMessageException>(() => IndemnityRules.AmountFor("Sabbatical", 5));
    }

    [Fact]
    public void Money_rounds_half_away_from_zero() => Assert.Equal([0.01m, -0.01m, 0.00m], new[] { Money.Round(0.005m), Money.Round(-0.005m), Money.Round(0.0049m) });

    private static CreateGrantRequest Grant(decimal amount) =>
        new(Guid.NewGuid(), amount, null, GrantPeriodicity.OneOff, 2026, null, GrantPurpose.OpeningCosts, null, "SMP Louis Pasteur", null, null);
}
