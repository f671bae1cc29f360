namespace Platform.Missions.Scheduling;

public sealed record CoverageGapScan(int Detected, int Filled, DateOnly Horizon);
