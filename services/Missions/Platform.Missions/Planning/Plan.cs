namespace Platform.Missions.Planning;

/// <summary>The plan: assignments, how many site-weeks they cover, the proven maximum, and why each gap stays open.</summary>
public sealed record Plan(IReadOnlyList<Assignment> Assignments, int Coverage, int Bound, int OpenSiteWeeks, IReadOnlyList<Gap> Gaps);
