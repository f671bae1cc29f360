namespace Platform.Coordination.Indicators;

/// <summary>A site-week Missions announced uncovered (CoverageGapDetected), until it is filled.</summary>
public sealed class CoverageGap
{
    public Guid SiteId { get; init; }

    public DateOnly WeekStart { get; init; }

    public required string SiteName { get; set; }

    public required string CommuneCode { get; set; }

    public int Lines { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset? FilledAt { get; set; }
}
