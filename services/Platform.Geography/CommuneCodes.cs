namespace Platform.Geography;

/// <summary>
/// The shape of an INSEE commune code, before the reference is asked whether the commune exists: a department of the
/// regions served (01 to 95 but 20, 2A/2B for Corsica, 971 to 974 and 976 overseas) and a commune number from 001.
/// </summary>
public static class CommuneCodes
{
    public const string Rule = "An INSEE commune code: a department (01 to 95, 2A/2B for Corsica, 971 to 974 and 976 overseas) and a commune number from 001 (e.g. 53130, 2A004, 97411).";

    public static bool IsWellFormed(string? code)
    {
        if (code is not { Length: 5 })
        {
            return false;
        }

        if (code.StartsWith("2A", StringComparison.Ordinal) || code.StartsWith("2B", StringComparison.Ordinal))
        {
            return AllDigits(code.AsSpan(2)) && code.AsSpan(2) is not "000";
        }

        if (!AllDigits(code))
        {
            return false;
        }

        var department = (code[0] - '0') * 10 + (code[1] - '0');
        return department switch
        {
            97 => code[2] is >= '1' and <= '6' and not '5' && code.AsSpan(3) is not "00", // Guadeloupe 971 … Mayotte 976; 975 is Saint-Pierre-et-Miquelon, a collectivity
            >= 1 and <= 95 and not 20 => code.AsSpan(2) is not "000",
            _ => false, // 00, 20 (Corsica is 2A/2B since 1976), 96, 98 (not departments), 99 (abroad)
        };
    }

    private static bool AllDigits(ReadOnlySpan<char> value) => value.IndexOfAnyExceptInRange('0', '9') < 0;
}
