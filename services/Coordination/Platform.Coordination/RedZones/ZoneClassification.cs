namespace Platform.Coordination.RedZones;

/// <summary>
/// The latest classification of a zone, with its criteria as judged (so it can be argued later) and the figures it was
/// judged on (a commune's are what its intercommunality's classification aggregates; older rows have none).
/// </summary>
public sealed class ZoneClassification
{
    public required string Code { get; init; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public bool IsRedZone { get; set; }

    public required string Explanation { get; set; }

    /// <summary>The criteria, values and thresholds, as JSON.</summary>
    public required string Criteria { get; set; }

    public DateTimeOffset ClassifiedAt { get; set; }

    public int? Population { get; set; }

    public int? Gps { get; set; }

    public decimal? AldPrevalencePercent { get; set; }

    public int? EmergencyMinutes { get; set; }

    public decimal? YoungGpSharePercent { get; set; }

    public decimal? MedianIncome { get; set; }

    /// <summary>The figures it was classified on, when they were recorded.</summary>
    public ZoneFigures? Figures => ZoneFigures.WhenComplete(Population, Gps, AldPrevalencePercent, EmergencyMinutes, YoungGpSharePercent, MedianIncome);

    public void Record(ZoneFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        (Population, Gps, AldPrevalencePercent, EmergencyMinutes, YoungGpSharePercent, MedianIncome) =
            (figures.Population, figures.Gps, figures.AldPrevalencePercent, figures.EmergencyMinutes, figures.YoungGpSharePercent, figures.MedianIncome);
    }
}
