using Platform.Coordination.RedZones;

namespace Platform.UnitTests;

public class RedZoneTests
{
    private static readonly RedZoneThresholds s_thresholds = new();

    [Fact]
    public void Laval_is_short_of_doctors_but_under_the_threshold_so_not_red_and_says_why()
    {
        // Laval: ~50,000 inhabitants and 30 GPs (one per ~1,667), an ageing medical population, few young GPs.
        var laval = Zone("53130", "Laval", "Commune", 50_000, 30, 21.5m, 10, 12m, 20_400m);

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
        var zone = Zone("200000000", "CC du Bocage", "Intercommunality", 24_000, 9, 23m, 45, 15m, 18_200m);
        var result = RedZoneClassifier.Classify(zone, s_thresholds);
        Assert.True(result.IsRedZone);
        Assert.Equal(5, result.Criteria.Count(c => c.Met));
        Assert.Contains("is a red zone", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Density_alone_is_not_enough()
    {
        var zone = Zone("53062", "Château-Gontier", "Commune", 17_000, 7, 15m, 10, 35m, 22_000m);
        var result = RedZoneClassifier.Classify(zone, s_thresholds);
        Assert.True(result.Criteria[0].Met);
        Assert.False(result.IsRedZone);
        Assert.Contains("only 0 of the other criteria", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var laval = Zone("53130", "Laval", "Commune", 50_000, 30, 21.5m, 10, 12m, 20_400m);
        Assert.True(RedZoneClassifier.Classify(laval, new RedZoneThresholds { InhabitantsPerGp = 1500 }).IsRedZone);
    }

    [Fact]
    public void Bad_zone_data_names_every_field()
    {
        var errors = RedZoneClassifier.Validate(Zone("5313", "", "Commune", 0, -1, 120m, -5, -1m, 0m));
        Assert.Equal(["aldPrevalencePercent", "code", "emergencyMinutes", "gps", "medianIncome", "name", "population", "youngGpSharePercent"], errors.Keys.Order());
        Assert.Equal(["kind"], RedZoneClassifier.Validate(Zone("53130", "Laval", "Region", 1, 1, 1m, 1, 1m, 1m)).Keys);
        Assert.Equal("No intercommunality (EPCI à fiscalité propre) has the SIREN 200000000.",
            RedZoneClassifier.Validate(new ZoneData("200000000", ZoneData.Intercommunality))["code"][0]);
        Assert.Equal("53171 is a former commune, now part of 53133 Lignières-Orgères: use 53133.",
            RedZoneClassifier.Validate(new ZoneData("53171", ZoneData.Commune))["code"][0]);
    }

    [Fact]
    public void A_commune_takes_its_official_name_and_population_but_needs_its_figures()
    {
        var (resolved, _) = ZoneResolution.Resolve(new ZoneData("53130", ZoneData.Commune, Gps: 30, AldPrevalencePercent: 21.5m, EmergencyMinutes: 10,
            YoungGpSharePercent: 12m, MedianIncome: 20_400m), new Dictionary<string, ZoneFigures>());
        Assert.Equal(("Laval", 49_400, 0), (resolved!.Zone.Name, resolved.Zone.Population, resolved.AggregatedCommunes));

        var (none, errors) = ZoneResolution.Resolve(new ZoneData("53130", ZoneData.Commune, Gps: 30), new Dictionary<string, ZoneFigures>());
        Assert.Null(none);
        Assert.Equal(["aldPrevalencePercent", "emergencyMinutes", "medianIncome", "youngGpSharePercent"], errors.Keys.Order());
    }

    [Fact]
    public void Laval_agglomeration_is_classified_from_its_34_communes_figures()
    {
        var agglomeration = Platform.Geography.FranceGeography.Official.Epci("200083392")!;
        var request = new ZoneData("200083392", ZoneData.Intercommunality);
        Assert.Equal(34, ZoneResolution.CommunesOf(request).Count);

        // Laval itself, and 33 smaller communes alike: the aggregate follows the weights.
        var recorded = agglomeration.Members.ToDictionary(m => m.Code, m => m.Code == "53130"
            ? new ZoneFigures(m.Population, 30, 21.5m, 10, 12m, 20_400m)
            : new ZoneFigures(m.Population, 1, 19m, 25, 40m, 22_000m));
        var (missing, errors) = ZoneResolution.Resolve(request, recorded.Where(r => r.Key != "53130").ToDictionary());
        Assert.Null(missing);
        Assert.StartsWith("Not given, and 1 of the 34 communes of CA Laval Agglomération have no recorded figures (e.g. 53130)", errors["gps"][0], StringComparison.Ordinal);

        var (resolved, _) = ZoneResolution.Resolve(request, recorded);
        Assert.Equal(("CA Laval Agglomération", 115_195, 34), (resolved!.Zone.Name, resolved.Zone.Population, resolved.AggregatedCommunes));
        var others = 115_195 - 49_400;
        Assert.Equal(30 + 33, resolved.Figures.Gps);
        Assert.Equal(Math.Round((21.5m * 49_400 + 19m * others) / 115_195, 2), resolved.Figures.AldPrevalencePercent);
        Assert.Equal(Math.Round((12m * 30 + 40m * 33) / 63, 2), resolved.Figures.YoungGpSharePercent); // weighted by GPs
        Assert.Equal((int)Math.Round((10m * 49_400 + 25m * others) / 115_195), resolved.Figures.EmergencyMinutes);

        // A figure given wins over the aggregate; the others are still aggregated.
        var (given, _) = ZoneResolution.Resolve(request with { Gps = 90 }, recorded);
        Assert.Equal((90, resolved.Figures.MedianIncome), (given!.Figures.Gps, given.Figures.MedianIncome));
        Assert.False(RedZoneClassifier.Classify(resolved.Zone, s_thresholds).IsRedZone); // one GP for 1,828 inhabitants
    }

    private static ZoneData Zone(string code, string name, string kind, int population, int gps, decimal ald, int emergency, decimal young, decimal income) =>
        new(code, kind, name, population, gps, ald, emergency, young, income);
}
