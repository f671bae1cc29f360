namespace Platform.Missions.Scheduling;

/// <summary>The transition was applied (and committed); the mission as it now stands.</summary>
public sealed record MissionTransitionAccepted(MissionResponse Mission);
