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

/// <summary>A score and why: the component each criterion contributed.</summary>
public sealed record PriorityScore(decimal Score, PriorityComponents Components);

public sealed record PriorityComponents(decimal Ald, decimal Age70, decimal Precarity, decimal Isolation, decimal DaysWaited);

public static class Priority
{
    public static PriorityScore Compute(PriorityWeights w, bool hasAld, DateOnly birthDate, bool precarity, bool isolation, int daysWaited, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(w);
        var components = new PriorityComponents(
            hasAld ? w.Ald : 0m,
            IsAtLeast70(birthDate, today) ? w.Age70 : 0m,
            precarity ? w.Precarity : 0m,
            isolation ? w.Isolation : 0m,
            Math.Round(w.PerDayWaited * Math.Max(0, daysWaited), 2, MidpointRounding.AwayFromZero));
        return new PriorityScore(
            components.Ald + components.Age70 + components.Precarity + components.Isolation + components.DaysWaited,
            components);
    }

    public static bool IsAtLeast70(DateOnly birthDate, DateOnly today) => birthDate <= today.AddYears(-70);
}
