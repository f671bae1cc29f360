namespace Platform.Coordination.RedZones;

/// <summary>Classify every intercommunality with a commune in a department or a region (one of the two).</summary>
public sealed record AreaClassificationRequest(string? Department = null, string? Region = null, ThresholdOverrides? Thresholds = null);

/// <summary>An intercommunality the area's classification could not judge, and why.</summary>
public sealed record UnclassifiedZone(string Code, string Name, string Reason);

/// <summary>The area's intercommunalities: each classified with its explanation, or left out saying why.</summary>
public sealed record AreaClassification(IReadOnlyList<Classification> Classified, IReadOnlyList<UnclassifiedZone> NotClassified, string Vintage);
