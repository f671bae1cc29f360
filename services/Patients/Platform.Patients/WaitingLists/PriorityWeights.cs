namespace Platform.Patients.WaitingLists;

/// <summary>
/// Weights of the waiting-list priority, from configuration (<c>Priority:Weights</c>). The score is the sum of the
/// components: each flag that holds adds its weight, and every whole day waited adds <see cref="PerDayWaited"/>.
/// </summary>
public sealed class PriorityWeights
{
    public decimal Ald { get; set; } = 30m;

    public decimal Age70 { get; set; } = 20m;

    public decimal Precarity { get; set; } = 15m;

    public decimal Isolation { get; set; } = 15m;

    public decimal PerDayWaited { get; set; } = 0.1m;
}
