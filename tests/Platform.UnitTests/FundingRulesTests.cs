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
    /// The Louis Pasteur case (DOMAIN.md): the twelve other communes share 20,000 EUR a year by population.
    /// Populations are approximate figures for communes of the area, for the worked example.
    /// </summary>
    public static readonly CommunePopulation[] LouisPasteurCommunes =
    [
        new("53201", "Saint-Berthevin", 7307), new("53054", "Changé", 6085), new("53137", "Loiron-Ruillé", 2648),
        new("53182", "Port-Brillet", 1820), new("53171", "Olivet", 460), new("53042", "Le Bourgneuf-la-Forêt", 1789),
        new("53046", "La Brûlatte", 723), new("53127", "Launay-Villiers", 445), new("53001", "Ahuillé", 1854),
        new("53158", "Montjean", 1064), new("53026", "Beaulieu-sur-Oudon", 500), new("53238", "Saint-Ouën-des-Toits", 1790),
    ];

    [Fact]
    public void The_louis_pasteur_split_adds_up_to_the_cent_and_follows_population()
    {
        var shares = PopulationSplit.Split(20_000m, LouisPasteurCommunes);

        Assert.Equal(20_000.00m, shares.Sum(s => s.Amount));
        var totalPopulation = LouisPasteurCommunes.Sum(c => c.Population);
        foreach (var share in shares)
        {
            var exact = 20_000m * share.Population / totalPopulation;
            Assert.True(Math.Abs(share.Amount - exact) < 0.01m, $"{share.Name}: {share.Amount} vs {exact}");
            Assert.Equal(share.Amount, Math.Round(share.Amount, 2));
        }

        Assert.Equal(5_517.84m, shares.Single(s => s.CommuneCode == "53201").Amount); // 20,000 × 7,307 / 26,485 = 5,517.84...
    }

    [Fact]
    public void Left_over_cents_go_to_the_largest_remainders_then_deterministically()
    {
        // 1.00 EUR among three equal communes: 33 cents each, the last cent to the smallest INSEE code.
        var shares = PopulationSplit.Split(1m, [new("53003", null, 10), new("53001", null, 10), new("53002", null, 10)]);
        Assert.Equal([0.34m, 0.33m, 0.33m], shares.OrderBy(s => s.CommuneCode).Select(s => s.Amount));

        // 0.10 EUR between populations 2 and 1: quotas 6.67 and 3.33 cents: the larger remainder gets the cent.
        var uneven = PopulationSplit.Split(0.10m, [new("53001", null, 1), new("53002", null, 2)]);
        Assert.Equal([0.03m, 0.07m], uneven.Select(s => s.Amount));
    }

    [Fact]
    public void Any_split_adds_up_exactly()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var communes = Enumerable.Range(0, random.Next(1, 40)).Select(i => new CommunePopulation($"53{i:000}", null, random.Next(1, 100_000))).ToList();
            var total = random.Next(1, 10_000_000) / 100m;
            Assert.Equal(total, PopulationSplit.Split(total, communes).Sum(s => s.Amount));
        }
    }

    [Fact]
    public void A_bad_split_names_its_fields()
    {
        var errors = PopulationSplit.Validate(-5m, [new("53001", null, 0), new("53001", null, 10), new("5300", null, 1)]);
        Assert.Equal(["communes[0].population", "communes[1].communeCode", "communes[2].communeCode", "total"], errors.Keys.Order());
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
