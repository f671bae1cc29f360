namespace Platform.Missions.Planning;

public sealed record PlanningGap(Guid SiteId, string SiteName, string CommuneCode, DateOnly WeekStart, int Priority, string Reason);
