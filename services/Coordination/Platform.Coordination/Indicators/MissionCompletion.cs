namespace Platform.Coordination.Indicators;

/// <summary>A completed mission (MissionCompleted): who worked where, for volunteers mobilised per commune and week.</summary>
public sealed class MissionCompletion
{
    public Guid MissionId { get; init; }

    /// <summary>Null when the event came without it (kept for reconciliation, counted nowhere).</summary>
    public string? CommuneCode { get; init; }

    public Guid SiteId { get; init; }

    public required string PractitionerRpps { get; init; }

    public required string Kind { get; init; }

    public DateOnly WeekStart { get; init; }

    public int DaysWorked { get; init; }
}
