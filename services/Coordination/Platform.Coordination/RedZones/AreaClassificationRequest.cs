namespace Platform.Coordination.RedZones;

/// <summary>Classify every intercommunality with a commune in a department or a region (one of the two).</summary>
public sealed record AreaClassificationRequest(string? Department = null, string? Region = null, ThresholdOverrides? Thresholds = null);
