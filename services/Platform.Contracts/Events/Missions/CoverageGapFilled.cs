namespace Platform.Contracts.Events;

/// <summary>A site-week announced by <see cref="CoverageGapDetected"/> is now covered (Missions).</summary>
public sealed record CoverageGapFilled(
    Guid SiteId,
    string CommuneCode,
    DateOnly WeekStart,
    DateTimeOffset FilledAt) : IIntegrationEvent;
