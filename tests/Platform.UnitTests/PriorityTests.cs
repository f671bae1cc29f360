using Platform.Contracts;
using Platform.Patients.WaitingLists;

namespace Platform.UnitTests;

public class PriorityTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);
    private static readonly PriorityWeights s_weights = new() { Ald = 30, Age70 = 20, Precarity = 15, Isolation = 15, PerDayWaited = 0.1m };

    [Fact]
    public void The_score_is_the_sum_of_its_explained_components()
    {
        var score = Priority.Compute(s_weights, hasAld: true, new DateOnly(1950, 1, 1), precarity: false, isolation: true, daysWaited: 45, s_today);
        Assert.Equal(new PriorityComponents(30, 20, 0, 15, 4.5m), score.Components);
        Assert.Equal(69.5m, score.Score);
    }

    [Fact]
    public void Nothing_but_waiting_gives_only_the_days_component()
    {
        var score = Priority.Compute(s_weights, false, new DateOnly(1990, 6, 1), false, false, 10, s_today);
        Assert.Equal(1m, score.Score);
    }

    [Theory]
    [InlineData("1956-11-22", true)]  // 70 today
    [InlineData("1956-11-23", false)] // 70 tomorrow
    [InlineData("1930-01-01", true)]
    public void Age_70_counts_from_the_birthday(string birth, bool expected) =>
        Assert.Equal(expected, Priority.IsAtLeast70(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), s_today));

    [Fact]
    public void Weights_come_from_configuration()
    {
        var heavyAld = new PriorityWeights { Ald = 100, Age70 = 0, Precarity = 0, Isolation = 0, PerDayWaited = 0 };
        Assert.Equal(100m, Priority.Compute(heavyAld, true, new DateOnly(1940, 1, 1), true, true, 400, s_today).Score);
    }

    [Theory]
    [InlineData("territory", "cpts-pays-de-laval", true)]
    [InlineData("territory", "53130", true)]
    [InlineData("territory", "Laval!", false)]
    [InlineData("site", "0192b0a4-7a30-7c41-a2f3-6a1c8d2f0e11", true)]
    [InlineData("site", "not-a-guid", false)]
    [InlineData("region", "pdl", false)]
    public void Waiting_lists_are_territories_or_sites(string scope, string key, bool valid) =>
        Assert.Equal(valid, WaitingListId.TryCreate(scope, key, out _, out _));

    [Theory]
    [InlineData("10003456789", false)]
    [InlineData("10000000009", true)]
    [InlineData("10101234564", true)]
    [InlineData("10101234565", false)]
    [InlineData("1000000000", false)]   // 10 digits
    [InlineData("1000000000A", false)]
    public void Rpps_numbers_carry_a_luhn_check_digit(string rpps, bool valid) => Assert.Equal(valid, Rpps.IsValid(rpps));
}

public class TestIdentifierTests
{
    [Fact]
    public void Generated_rpps_numbers_pass_the_platforms_check()
    {
        for (var i = 0; i < 500; i++)
        {
            Assert.True(Platform.Contracts.Rpps.IsValid(Platform.Testing.RppsNumbers.Valid()));
        }
    }
}
