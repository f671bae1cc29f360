namespace Platform.Coordination.RedZones;

/// <summary>An intercommunality the area's classification could not judge, and why.</summary>
public sealed record UnclassifiedZone(string Code, string Name, string Reason);
