namespace Platform.Missions.Scheduling;

public sealed record CoverageGapResponse(Guid SiteId, string SiteName, string CommuneCode, DateOnly WeekStart, DateTimeOffset DetectedAt, DateTimeOffset? FilledAt);
