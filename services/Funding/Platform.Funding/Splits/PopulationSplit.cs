using Platform.Contracts;
using Platform.Geography;

namespace Platform.Funding.Splits;

/// <summary>
/// Splits an amount between communes in proportion to their population, to the cent, so that the parts add up
/// exactly to the total. Rule (largest remainder, Hamilton): each commune first gets the whole cents of its exact
/// quota (total × population ÷ sum of populations, rounded down); the cents left over go one each to the communes with
/// the largest fractional remainders; ties go to the larger population, then to the smaller INSEE code.
/// </summary>
public static class PopulationSplit
{
    public static IReadOnlyList<CommuneShare> Split(decimal total, IReadOnlyList<SplitCommune> communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        if (communes.Count == 0)
        {
            throw new ArgumentException("No commune to split between.", nameof(communes));
        }

        var totalCents = Money.ToCents(total);
        long sumPopulation = communes.Sum(c => (long)c.Population);
        var quotas = communes.Select(c =>
        {
            // Exact arithmetic in integers: cents × population = whole × sum + remainder.
            var numerator = (Int128)totalCents * c.Population;
            var whole = (long)(numerator / sumPopulation);
            var remainder = (long)(numerator % sumPopulation);
            return (Commune: c, Whole: whole, Remainder: remainder);
        }).ToList();

        var left = totalCents - quotas.Sum(q => q.Whole);
        var extra = quotas
            .OrderByDescending(q => q.Remainder)
            .ThenByDescending(q => q.Commune.Population)
            .ThenBy(q => q.Commune.CommuneCode, StringComparer.Ordinal)
            .Take((int)left)
            .Select(q => q.Commune.CommuneCode)
            .ToHashSet(StringComparer.Ordinal);

        return quotas.ConvertAll(q => new CommuneShare(q.Commune.CommuneCode, q.Commune.Name, q.Commune.Population, q.Commune.Source,
            Money.FromCents(q.Whole + (extra.Contains(q.Commune.CommuneCode) ? 1 : 0))));
    }

    /// <summary>
    /// The communes of a valid request (<see cref="Validate"/>) with their names and populations: as given, or the
    /// official geography's (its municipal population, its name).
    /// </summary>
    public static IReadOnlyList<SplitCommune> Resolve(IReadOnlyList<CommunePopulation> communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        return communes.Select(c =>
        {
            var official = FranceGeography.Official.Commune(c.CommuneCode)!;
            return new SplitCommune(c.CommuneCode, c.Name?.Trim() ?? official.Name, c.Population ?? official.Population,
                c.Population is null ? PopulationSource.Official : PopulationSource.Given);
        }).ToList();
    }

    public static Dictionary<string, string[]> Validate(decimal? total, IReadOnlyList<CommunePopulation>? communes)
    {
        var errors = new Dictionary<string, string[]>();
        if (Money.Check(total) is { } amountError)
        {
            errors["total"] = [amountError];
        }

        if (communes is null || communes.Count == 0)
        {
            errors["communes"] = ["At least one commune."];
            return errors;
        }

        if (communes.Count > 1000)
        {
            errors["communes"] = ["At most 1,000 communes."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < communes.Count; i++)
        {
            var c = communes[i];
            if (c is null)
            {
                errors[$"communes[{i}].communeCode"] = [InseeCode.Rule];
            }
            else if (InseeCode.Problem(c.CommuneCode) is { } communeProblem)
            {
                errors[$"communes[{i}].communeCode"] = [communeProblem];
            }
            else if (!seen.Add(c.CommuneCode))
            {
                errors[$"communes[{i}].communeCode"] = [$"{c.CommuneCode} appears twice."];
            }
            else if (c.Population is null && FranceGeography.Official.Commune(c.CommuneCode)!.Population == 0)
            {
                errors[$"communes[{i}].population"] = [$"{c.CommuneCode} has no inhabitants in the official figures: give a population to include it."];
            }

            if (c is { Population: <= 0 })
            {
                errors[$"communes[{i}].population"] = ["Must be positive (or left out: the official population)."];
            }

            if (c is { Name.Length: > 200 })
            {
                errors[$"communes[{i}].name"] = ["At most 200 characters."];
            }
        }

        return errors;
    }
}
