using Platform.Messaging;

namespace Platform.Funding.Indemnities;

/// <summary>The indemnity rules (DOMAIN.md): what a completed mission is worth.</summary>
public static class IndemnityRules
{
    public const decimal PerSolidarityDay = 200m;
    public const decimal PerCompleteRotation = 1000m;
    public const int RotationDays = 6;

    /// <summary>
    /// Solidarity days: 200 EUR a day. Weekly rotation: 1,000 EUR for six days or more, else pro rata per day worked
    /// (1,000 × days ÷ 6, rounded to the cent half away from zero: 1 day = 166.67, 5 days = 833.33). Salaried schedules
    /// are costs of the site, not indemnities: null.
    /// </summary>
    public static decimal? AmountFor(string kind, int daysWorked) => kind switch
    {
        "SolidarityDays" => PerSolidarityDay * daysWorked,
        "WeeklyRotation" => daysWorked >= RotationDays ? PerCompleteRotation : Money.Round(PerCompleteRotation * daysWorked / RotationDays),
        "Salaried" => null,
        _ => throw new InvalidMessageException($"Unknown mission kind '{kind}'."),
    };
}
