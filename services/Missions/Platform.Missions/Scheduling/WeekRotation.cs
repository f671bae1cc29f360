namespace Platform.Missions.Scheduling;

public sealed record WeekRotation(Guid MissionId, string PractitionerRpps, MissionState State);
