namespace Platform.Missions.Scheduling;

/// <summary>How often the gap watch scans (<c>Missions:CoverageGaps</c>).</summary>
public sealed class CoverageGapOptions
{
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A week starting within this many days with no rotation is a gap.</summary>
    public int NoticeDays { get; set; } = 14;
}
