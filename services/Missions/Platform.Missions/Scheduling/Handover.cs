namespace Platform.Missions.Scheduling;

/// <summary>Who hands the keys to whom: the rotations just before and just after one, at the same site.</summary>
public sealed record Handover(Guid MissionId, Neighbour? Previous, Neighbour? Next);
