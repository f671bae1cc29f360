namespace Platform.Patients.WaitingLists;

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
