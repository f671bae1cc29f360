namespace Platform.Missions.Scheduling;

/// <summary>Asks the lifecycle to complete a mission in progress; <c>DaysWorked</c> defaults to the mission's length (6 for a rotation).</summary>
public sealed record CompleteMission(Guid MissionId, int? DaysWorked, string RequestedBy);
