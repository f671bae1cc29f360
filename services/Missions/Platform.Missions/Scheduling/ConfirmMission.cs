namespace Platform.Missions.Scheduling;

/// <summary>Asks the lifecycle to confirm a proposed mission. <c>RequestedBy</c> is the partner and role that asked.</summary>
public sealed record ConfirmMission(Guid MissionId, string RequestedBy);
