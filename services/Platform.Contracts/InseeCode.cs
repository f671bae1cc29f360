using Platform.Geography;

namespace Platform.Contracts;

/// <summary>
/// An INSEE commune code as every service takes it: a current commune (or a municipal arrondissement of Paris, Lyon or
/// Marseille) of the official geography (<see cref="FranceGeography"/>). A former commune, merged into a commune
/// nouvelle, is refused with its successor named, so that what is stored and counted is always today's map.
/// </summary>
public static class InseeCode
{
    /// <summary>True for a current commune or municipal arrondissement.</summary>
    public static bool IsValid(string? code) => FranceGeography.Official.Commune(code) is not null;

    /// <summary>Null for a current commune; otherwise what to tell the caller (malformed, unknown, or merged into which commune).</summary>
    public static string? Problem(string? code) => FranceGeography.Official.Check(code).Problem;

    /// <summary>The shape of a code, for messages that describe it.</summary>
    public const string Rule = CommuneCodes.Rule;
}
