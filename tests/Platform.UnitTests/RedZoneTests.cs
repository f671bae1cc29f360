using Platform.Coordination.RedZones;

namespace Platform.UnitTests;

public class RedZoneTests
{
    private static readonly RedZoneThresholds s_thresholds = new();

    [Fact]
    public void Laval_is_short_of_doctors_but_under_the_threshold_so_not_red_and_says_why()
    {
        // Laval: ~50,000 inhabitants and 30 GPs (one per ~1,667), an ageing medical population, few young GPs.
        var laval = new ZoneData("53130", "Laval", "Commune", 50_000, 30, 21.5m, 10, 12m, 20_400m);

        var result = RedZoneClassifier.Classify(laval, s_thresholds);

        Assert.False(result.IsRedZone);
        var density = result.Criteria.Single(c => c.Name == "inhabitantsPerGp");
        Assert.False(density.Met);
        Assert.Equal("1,667", density.Value);
        Assert.Contains("not a red zone", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("under the threshold of one for 2,000", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("2 other criteria are met", result.Explanation, StringComparison.Ordinal); // ALD, young GPs
    }

    [Fact]
    public void A_rural_intercommunality_short_of_gps_far_from_emergencies_and_poor_is_red()
    {
        var zone = new ZoneData("200000000", "CC du Bocage", "Intercommunality", 24_000, 9, 23m, 45, 15m, 18_200m);
        var result = RedZoneClassifier.Classify(zone, s_thresholds);
        Assert.True(result.IsRedZone);
        Assert.Equal(5, result.Criteria.Count(c => c.Met));
        Assert.Contains("is a red zone", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Density_alone_is_not_enough()
    {
        var zone = new ZoneData("53062", "Château-Gontier", "Commune", 17_000, 7, 15m, 10, 35m, 22_000m);
        var result = RedZoneClassifier.Classify(zone, s_thresholds);
        Assert.True(result.Criteria[0].Met);
        Assert.False(result.IsRedZone);
        Assert.Contains("only 0 of the other criteria", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var laval = new ZoneData("53130", "Laval", "Commune", 50_000, 30, 21.5m, 10, 12m, 20_400m);
        Assert.True(RedZoneClassifier.Classify(laval, new RedZoneThresholds { InhabitantsPerGp = 1500 }).IsRedZone);
    }

    [Fact]
    public void Bad_zone_data_names_every_field()
    {
        var errors = RedZoneClassifier.Validate(new ZoneData("5313", "", "Commune", 0, -1, 120m, -5, -1m, 0m));
        Assert.Equal(["aldPrevalencePercent", "code", "emergencyMinutes", "gps", "medianIncome", "name", "population", "youngGpSharePercent"], errors.Keys.Order());
        Assert.Equal(["kind"], RedZoneClassifier.Validate(new ZoneData("53130", "Laval", "Region", 1, 1, 1m, 1, 1m, 1m)).Keys);
    }
}
