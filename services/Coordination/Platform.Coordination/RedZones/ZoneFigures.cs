namespace Platform.Coordination.RedZones;

/// <summary>
/// The figures a zone is classified on. An intercommunality's are aggregated from its communes' when not given:
/// population and GPs summed; ALD prevalence, minutes to emergency care and median income weighted by population (the
/// median of a union is not the weighted mean of medians: an approximation the explanation states); the share of young
/// GPs weighted by GPs.
/// </summary>
public sealed record ZoneFigures(int Population, int Gps, decimal AldPrevalencePercent, int EmergencyMinutes, decimal YoungGpSharePercent, decimal MedianIncome)
{
    /// <summary>The figures when all six are known, otherwise null.</summary>
    public static ZoneFigures? WhenComplete(int? population, int? gps, decimal? ald, int? emergency, decimal? young, decimal? income) =>
        population is { } p && gps is { } g && ald is { } a && emergency is { } e && young is { } y && income is { } i
            ? new ZoneFigures(p, g, a, e, y, i)
            : null;

    public static ZoneFigures Aggregate(IReadOnlyCollection<ZoneFigures> communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        if (communes.Count == 0)
        {
            throw new ArgumentException("No commune to aggregate.", nameof(communes));
        }

        long population = communes.Sum(c => (long)c.Population);
        var gps = communes.Sum(c => c.Gps);
        decimal ByPopulation(Func<ZoneFigures, decimal> value) =>
            population == 0 ? communes.Average(value) : communes.Sum(c => value(c) * c.Population) / population;
        return new ZoneFigures(
            (int)population,
            gps,
            Math.Round(ByPopulation(c => c.AldPrevalencePercent), 2, MidpointRounding.AwayFromZero),
            (int)Math.Round(ByPopulation(c => c.EmergencyMinutes), 0, MidpointRounding.AwayFromZero),
            Math.Round(gps == 0 ? 0m : communes.Sum(c => c.YoungGpSharePercent * c.Gps) / gps, 2, MidpointRounding.AwayFromZero),
            Math.Round(ByPopulation(c => c.MedianIncome), 2, MidpointRounding.AwayFromZero));
    }
}
