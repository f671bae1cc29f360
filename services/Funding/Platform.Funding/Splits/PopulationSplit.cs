using System.ComponentModel.DataAnnotations;
using Platform.Contracts;

namespace Platform.Funding.Splits;

public sealed record CommunePopulation([Required] string CommuneCode, string? Name, [Required] int Population);

public sealed record CommuneShare(string CommuneCode, string? Name, int Population, decimal Amount);

/// <summary>
/// Splits an amount between communes in proportion to their population, to the cent, so that the parts add up
/// exactly to the total. Rule (largest remainder, Hamilton): each commune first gets the whole cents of its exact
/// quota (total × population ÷ sum of populations, rounded down); the cents left over go one each to the communes with
/// the largest fractional remainders; ties go to the larger population, then to the smaller INSEE code.
/// </summary>
public static class PopulationSplit
{
    public static IReadOnlyList<CommuneShare> Split(decimal total, IReadOnlyList<CommunePopulation> communes)
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

        return quotas.ConvertAll(q => new CommuneShare(q.Commune.CommuneCode, q.Commune.Name, q.Commune.Population,
            Money.FromCents(q.Whole + (extra.Contains(q.Commune.CommuneCode) ? 1 : 0))));
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
            if (c is null || !InseeCode.IsValid(c.CommuneCode))
            {
                errors[$"communes[{i}].communeCode"] = [InseeCode.Rule];
            }
            else if (!seen.Add(c.CommuneCode))
            {
                errors[$"communes[{i}].communeCode"] = [$"{c.CommuneCode} appears twice."];
            }

            if (c is not null && c.Population <= 0)
            {
                errors[$"communes[{i}].population"] = ["Must be positive."];
            }
        }

        return errors;
    }
}
