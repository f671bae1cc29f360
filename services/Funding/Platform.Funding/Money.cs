namespace Platform.Funding;

/// <summary>
/// Money is EUR in <see cref="decimal"/>, rounded to the cent half away from zero (0.005 → 0.01). Amounts given by
/// users must already be in cents: positive, at most two decimals.
/// </summary>
public static class Money
{
    public const string Currency = "EUR";

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static string? Check(decimal? amount) => amount switch
    {
        null => "Required (EUR).",
        <= 0 => "Must be positive.",
        > 100_000_000m => "Above 100,000,000 EUR: not a grant this platform handles.",
        var a when a != Math.Round(a.Value, 2) => "At most two decimals (cents).",
        _ => null,
    };

    public static long ToCents(decimal amount) => (long)(amount * 100m);

    public static decimal FromCents(long cents) => cents / 100m;
}
