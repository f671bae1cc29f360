namespace Platform.Coordination.Indicators;

/// <summary>
/// What happened in a commune during one week (Monday, UTC), dated by the event's own date. For the two stocks
/// (people without a GP, waiting-list entries) the week holds the change; the history adds them up.
/// </summary>
public sealed class CommuneWeek : IndicatorCounters
{
    public required string CommuneCode { get; init; }

    public DateOnly WeekStart { get; init; }
}
