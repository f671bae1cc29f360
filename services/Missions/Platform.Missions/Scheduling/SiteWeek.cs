namespace Platform.Missions.Scheduling;

public sealed record SiteWeek(DateOnly WeekStart, int Lines, IReadOnlyList<WeekRotation> Rotations, int FreeLines, bool Uncovered);
