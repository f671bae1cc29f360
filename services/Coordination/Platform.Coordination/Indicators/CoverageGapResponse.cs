namespace Platform.Coordination.Indicators;

public sealed record CoverageGapResponse(Guid SiteId, string SiteName, string CommuneCode, DateOnly WeekStart, int Lines, DateTimeOffset DetectedAt, DateTimeOffset? FilledAt);
