namespace Platform.Missions.Planning;

public sealed record Gap(int Site, int Week, string Reason);
