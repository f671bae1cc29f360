namespace Platform.Coordination.RedZones;

/// <summary>A zone ready to classify: every figure known, and how many communes an aggregate was drawn from (0: none).</summary>
public sealed record ResolvedZone(ZoneData Zone, ZoneFigures Figures, int AggregatedCommunes);
