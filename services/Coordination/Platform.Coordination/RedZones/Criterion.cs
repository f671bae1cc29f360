namespace Platform.Coordination.RedZones;

public sealed record Criterion(string Name, string Value, string Threshold, bool Met, string Meaning);
