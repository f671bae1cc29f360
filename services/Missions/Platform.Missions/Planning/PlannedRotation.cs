namespace Platform.Missions.Planning;

public sealed record PlannedRotation(string Rpps, Guid SiteId, string SiteName, string CommuneCode, DateOnly WeekStart, int Priority);
