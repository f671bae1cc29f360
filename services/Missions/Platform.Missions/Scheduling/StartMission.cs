namespace Platform.Missions.Scheduling;

/// <summary>Asks the lifecycle to start a confirmed mission.</summary>
public sealed record StartMission(Guid MissionId, string RequestedBy);
