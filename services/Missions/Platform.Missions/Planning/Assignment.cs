namespace Platform.Missions.Planning;

public sealed record Assignment(int Volunteer, int Site, int Week);
