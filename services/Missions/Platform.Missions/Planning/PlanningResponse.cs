namespace Platform.Missions.Planning;

public sealed record PlanningResponse(Guid PlanId, DateOnly From, int Weeks, int OpenSiteWeeks, int Coverage, int Bound, bool Optimal,
    IReadOnlyList<PlannedRotation> Assignments, IReadOnlyList<PlanningGap> Gaps, IReadOnlyList<string> Notes);
