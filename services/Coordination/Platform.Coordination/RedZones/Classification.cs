namespace Platform.Coordination.RedZones;

public sealed record Classification(string Code, string Name, string Kind, bool IsRedZone, IReadOnlyList<Criterion> Criteria, string Explanation);
