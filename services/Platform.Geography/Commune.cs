namespace Platform.Geography;

/// <summary>
/// A current commune, or one of the municipal arrondissements of Paris, Lyon and Marseille (<see cref="Commune"/> then
/// names the city). <see cref="Population"/> is INSEE's legal municipal population of the reference's vintage.
/// </summary>
public sealed record Commune(
    string Code,
    string Name,
    string Department,
    string Region,
    int Population,
    string? EpciSiren,
    IReadOnlyList<string> PostalCodes,
    IReadOnlyList<string> FormerCodes,
    string? CityCode = null)
{
    public bool IsArrondissement => CityCode is not null;
}
