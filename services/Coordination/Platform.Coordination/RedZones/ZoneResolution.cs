using System.Globalization;
using Platform.Geography;

namespace Platform.Coordination.RedZones;

/// <summary>
/// Completes a valid <see cref="ZoneData"/> (<see cref="RedZoneClassifier.Validate"/>) from the official geography (name,
/// population: for an intercommunality its communes' summed) and, for an intercommunality's figures left out, from its
/// communes' recorded figures; a commune's figures must all be given. Errors name each figure that cannot be known.
/// </summary>
public static class ZoneResolution
{
    /// <summary>Each figure by its field name, and whether the request gives it.</summary>
    private static readonly (string Field, Func<ZoneData, bool> IsGiven)[] s_figures =
    [
        ("gps", z => z.Gps is not null),
        ("aldPrevalencePercent", z => z.AldPrevalencePercent is not null),
        ("emergencyMinutes", z => z.EmergencyMinutes is not null),
        ("youngGpSharePercent", z => z.YoungGpSharePercent is not null),
        ("medianIncome", z => z.MedianIncome is not null),
    ];

    /// <summary>The communes whose recorded figures an intercommunality's classification would draw on.</summary>
    public static IReadOnlyList<string> CommunesOf(ZoneData zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Kind == ZoneData.Intercommunality && zone.Figures is null && FranceGeography.Official.Epci(zone.Code) is { } epci
            ? [.. epci.Members.Select(m => m.Code)]
            : [];
    }

    public static (ResolvedZone? Resolved, Dictionary<string, string[]> Errors) Resolve(ZoneData zone, IReadOnlyDictionary<string, ZoneFigures> recorded)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(recorded);
        var errors = new Dictionary<string, string[]>();
        var france = FranceGeography.Official;
        string name;
        int population;
        ZoneFigures? aggregate = null;
        var missing = s_figures.Where(f => !f.IsGiven(zone)).Select(f => f.Field).ToList();
        if (zone.Kind == ZoneData.Commune)
        {
            var commune = france.Commune(zone.Code)!;
            (name, population) = (zone.Name?.Trim() ?? commune.Name, zone.Population ?? commune.Population);
            if (population == 0)
            {
                errors["population"] = [$"{commune.Code} {commune.Name} has no inhabitants in the official figures: give a population to classify it."];
            }

            foreach (var figure in missing)
            {
                errors[figure] = ["A commune is classified on its own figures: give this one."];
            }
        }
        else
        {
            var epci = france.Epci(zone.Code)!;
            (name, population) = (zone.Name?.Trim() ?? epci.Name, zone.Population ?? epci.Population);
            if (missing.Count > 0)
            {
                var without = epci.Members.Where(m => !recorded.ContainsKey(m.Code)).Select(m => m.Code).ToList();
                if (without.Count > 0)
                {
                    var message = string.Create(CultureInfo.InvariantCulture,
                        $"Not given, and {without.Count} of the {epci.Members.Count} communes of {epci.Name} have no recorded figures (e.g. {string.Join(", ", without.Take(5))}): classify them first, or give it.");
                    foreach (var figure in missing)
                    {
                        errors[figure] = [message];
                    }
                }
                else
                {
                    aggregate = ZoneFigures.Aggregate([.. epci.Members.Select(m => recorded[m.Code])]);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var complete = zone with
        {
            Name = name,
            Population = population,
            Gps = zone.Gps ?? aggregate!.Gps,
            AldPrevalencePercent = zone.AldPrevalencePercent ?? aggregate!.AldPrevalencePercent,
            EmergencyMinutes = zone.EmergencyMinutes ?? aggregate!.EmergencyMinutes,
            YoungGpSharePercent = zone.YoungGpSharePercent ?? aggregate!.YoungGpSharePercent,
            MedianIncome = zone.MedianIncome ?? aggregate!.MedianIncome,
        };
        return (new ResolvedZone(complete, complete.Figures!, aggregate is null ? 0 : france.Epci(zone.Code)!.Members.Count), errors);
    }
}
