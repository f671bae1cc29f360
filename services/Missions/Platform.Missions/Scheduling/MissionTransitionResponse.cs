namespace Platform.Missions.Scheduling;

public sealed record MissionTransitionResponse(MissionState From, MissionState To, string By, DateTimeOffset At);
