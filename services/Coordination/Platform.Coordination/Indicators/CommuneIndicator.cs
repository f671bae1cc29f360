namespace Platform.Coordination.Indicators;

/// <summary>Per-commune figures of the territory now, projected from the other services' events.</summary>
public sealed class CommuneIndicator : IndicatorCounters
{
    /// <summary>INSEE commune code.</summary>
    public required string CommuneCode { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReconciledAt { get; set; }
}
