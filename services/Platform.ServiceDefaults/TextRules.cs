using System.Globalization;

namespace Platform.ServiceDefaults;

/// <summary>
/// The input policy's rules on values: what it calls a control character (C0, U+0000 to U+001F, DEL and C1, U+007F to
/// U+009F), and the range of dates it accepts.
/// </summary>
public static class TextRules
{
    public static readonly DateOnly FirstDate = new(1900, 1, 1);

    public static readonly DateOnly LastDate = new(2199, 12, 31);

    public static readonly string DateRule = $"A date (yyyy-mm-dd) from {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}.";

    public static bool IsPlausible(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>
    /// A query value or path segment written as a date (yyyy-mm-dd) but outside the range: false. Anything else,
    /// a date in range or not a date at all, is left to the route to read.
    /// </summary>
    public static bool IsPlausibleIfDate(ReadOnlySpan<char> value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-' || value[..4].ContainsAnyExceptInRange('0', '9'))
        {
            return true; // not written as a date
        }

        // 2026-13-45: a date that does not exist is not plausible either.
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && IsPlausible(date);
    }

    public static char? FirstControl(ReadOnlySpan<char> text, bool allowLineBreaks)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return c;
            }
        }

        return null;
    }

    public static string Describe(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
