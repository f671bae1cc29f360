namespace Platform.ServiceDefaults;

/// <summary>
/// The one rule for an enum value in the API, in bodies (<see cref="StrictEnumConverter{TEnum}"/>) and in query
/// strings (<see cref="EnumQueryRule"/>): one of its declared names, case-insensitive; never a number (<c>999</c>,
/// <c>-1</c>, <c>+1</c>) nor a combination of names (<c>"Red, Green"</c>), which <see cref="Enum.TryParse(Type, string?, bool, out object?)"/> would accept.
/// </summary>
internal static class EnumNames
{
    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        return IsNameShaped(value) && Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static bool IsName(Type type, string? value) =>
        IsNameShaped(value) && Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!);

    /// <summary>What a partner reads when a value is refused: the names.</summary>
    public static string Rule(Type type) => $"One of {string.Join(", ", Enum.GetNames(type))}.";

    private static bool IsNameShaped(string? value) =>
        value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && value[0] is not ('-' or '+') && !value.Contains(',', StringComparison.Ordinal);
}
