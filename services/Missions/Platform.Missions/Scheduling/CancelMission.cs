namespace Platform.Missions.Scheduling;

/// <summary>Asks the lifecycle to cancel a mission that is not over.</summary>
public sealed record CancelMission(Guid MissionId, string RequestedBy);
