namespace Platform.Contracts.Events;

/// <summary>
/// A site-week (Monday) starting within 14 days still has fewer rotations than the site's lines (Missions). Announced
/// once per site-week; <see cref="CoverageGapFilled"/> follows if it gets covered after all.
/// </summary>
public sealed record CoverageGapDetected(
    Guid SiteId,
    string SiteName,
    string CommuneCode,
    DateOnly WeekStart,
    int Lines,
    int LinesCovered,
    DateTimeOffset DetectedAt) : IIntegrationEvent;
