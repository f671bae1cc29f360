namespace Platform.Contracts;

/// <summary>INSEE commune code, shared by every service that names a commune: 5 characters, digits, or 2A/2B followed by 3 digits for Corsica.</summary>
public static class InseeCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 5 }
        && ((char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])) || code.StartsWith("2A", StringComparison.Ordinal) || code.StartsWith("2B", StringComparison.Ordinal))
        && code.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    public const string Rule = "An INSEE commune code has 5 characters: digits, or 2A/2B and 3 digits for Corsica (e.g. 53130, 2A004).";
}
