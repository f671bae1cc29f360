namespace Platform.Missions.Scheduling;

/// <summary>A site-week announced uncovered (once), and when it got covered after all.</summary>
public sealed class CoverageGapAlert
{
    public Guid SiteId { get; init; }

    public DateOnly WeekStart { get; init; }

    public DateTimeOffset DetectedAt { get; init; }

    public DateTimeOffset? FilledAt { get; set; }
}
