namespace Platform.Coordination.RedZones;

/// <summary>The area's intercommunalities: each classified with its explanation, or left out saying why.</summary>
public sealed record AreaClassification(IReadOnlyList<Classification> Classified, IReadOnlyList<UnclassifiedZone> NotClassified, string Vintage);
