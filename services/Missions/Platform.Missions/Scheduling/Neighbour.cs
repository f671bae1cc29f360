namespace Platform.Missions.Scheduling;

public sealed record Neighbour(Guid MissionId, string PractitionerRpps, DateOnly StartDate);
