namespace Platform.Coordination.RedZones;

/// <summary>Thresholds a request may set for itself instead of the configured ones (each optional).</summary>
public sealed record ThresholdOverrides(
    int? InhabitantsPerGp,
    decimal? AldPrevalencePercent,
    int? EmergencyMinutes,
    decimal? YoungGpSharePercent,
    decimal? MedianIncome,
    int? OtherCriteriaRequired);
