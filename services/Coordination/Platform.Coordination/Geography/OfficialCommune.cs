using Platform.Geography;

namespace Platform.Coordination.Geography;

/// <summary>
/// A commune of the official geography as partners read it: its department, region and intercommunality named, its
/// legal municipal population, postal codes, the former communes merged into it, and for a municipal arrondissement
/// its city.
/// </summary>
public sealed record OfficialCommune(
    string Code,
    string Name,
    string Department,
    string DepartmentName,
    string Region,
    string RegionName,
    int Population,
    string? EpciSiren,
    string? EpciName,
    IReadOnlyList<string> PostalCodes,
    IReadOnlyList<string> FormerCodes,
    string? CityCode)
{
    public static OfficialCommune From(Commune commune, FranceGeography france)
    {
        ArgumentNullException.ThrowIfNull(commune);
        ArgumentNullException.ThrowIfNull(france);
        var epci = france.Epci(commune.EpciSiren);
        return new OfficialCommune(commune.Code, commune.Name, commune.Department, france.Department(commune.Department)?.Name ?? "",
            commune.Region, france.Region(commune.Region)?.Name ?? "", commune.Population, epci?.Siren, epci?.Name,
            commune.PostalCodes, commune.FormerCodes, commune.CityCode);
    }
}
