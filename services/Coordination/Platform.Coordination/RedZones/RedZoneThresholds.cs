namespace Platform.Coordination.RedZones;

/// <summary>Thresholds of the red-zone criteria, from configuration (<c>RedZone:Thresholds</c>).</summary>
public sealed class RedZoneThresholds
{
    /// <summary>One GP per this many inhabitants or fewer: above it, access to primary care is short (the quoted 1 per 2,000).</summary>
    public int InhabitantsPerGp { get; set; } = 2000;

    /// <summary>Share of the population with a long-term condition (ALD), in %, at or above which the need is high.</summary>
    public decimal AldPrevalencePercent { get; set; } = 20m;

    /// <summary>Minutes to the nearest emergency service at or above which it is far.</summary>
    public int EmergencyMinutes { get; set; } = 30;

    /// <summary>Share of GPs under 40, in %, under which the succession is not assured.</summary>
    public decimal YoungGpSharePercent { get; set; } = 20m;

    /// <summary>Median disposable income per consumption unit, EUR a year, under which the standard of living is low.</summary>
    public decimal MedianIncome { get; set; } = 19_000m;

    /// <summary>Besides the density criterion (always required), how many of the four others must be met.</summary>
    public int OtherCriteriaRequired { get; set; } = 2;

    /// <summary>These thresholds with a request's overrides applied (a study of "what if the threshold were ...").</summary>
    public RedZoneThresholds With(ThresholdOverrides? o) => o is null ? this : new RedZoneThresholds
    {
        InhabitantsPerGp = o.InhabitantsPerGp ?? InhabitantsPerGp,
        AldPrevalencePercent = o.AldPrevalencePercent ?? AldPrevalencePercent,
        EmergencyMinutes = o.EmergencyMinutes ?? EmergencyMinutes,
        YoungGpSharePercent = o.YoungGpSharePercent ?? YoungGpSharePercent,
        MedianIncome = o.MedianIncome ?? MedianIncome,
        OtherCriteriaRequired = o.OtherCriteriaRequired ?? OtherCriteriaRequired,
    };
}
