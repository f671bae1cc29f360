using System.Globalization;
using Platform.Geography;

namespace Platform.Coordination.RedZones;

/// <summary>
/// Classifies a commune or intercommunality criterion by criterion (access to primary care, ALD prevalence, distance to
/// emergency services, young doctors, standard of living). A red zone needs the density criterion — more inhabitants
/// per GP than the threshold — and at least <see cref="RedZoneThresholds.OtherCriteriaRequired"/> of the others. The
/// explanation says which criteria decided, so a territory under the threshold but short of doctors (Laval) sees why.
/// </summary>
public static class RedZoneClassifier
{
    public static Classification Classify(ZoneData z, RedZoneThresholds t)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(t);
        var perGp = z.Gps is > 0 ? (decimal)z.Population!.Value / z.Gps.Value : decimal.MaxValue;
        var density = new Criterion("inhabitantsPerGp",
            z.Gps is > 0 ? Whole(perGp) : "no GP",
            $"more than {Whole(t.InhabitantsPerGp)}",
            perGp > t.InhabitantsPerGp,
            "Access to primary care: inhabitants for each GP.");
        var others = new[]
        {
            new Criterion("aldPrevalencePercent", Pct(z.AldPrevalencePercent!.Value), $"{Pct(t.AldPrevalencePercent)} or more",
                z.AldPrevalencePercent >= t.AldPrevalencePercent, "Population with a long-term condition (ALD)."),
            new Criterion("emergencyMinutes", $"{z.EmergencyMinutes} min", $"{t.EmergencyMinutes} min or more",
                z.EmergencyMinutes >= t.EmergencyMinutes, "Distance to the nearest emergency service."),
            new Criterion("youngGpSharePercent", Pct(z.YoungGpSharePercent!.Value), $"under {Pct(t.YoungGpSharePercent)}",
                z.YoungGpSharePercent < t.YoungGpSharePercent, "Share of GPs under 40: is the succession assured?"),
            new Criterion("medianIncome", $"{Whole(z.MedianIncome!.Value)} EUR", $"under {Whole(t.MedianIncome)} EUR",
                z.MedianIncome < t.MedianIncome, "Local standard of living (median income)."),
        };
        var othersMet = others.Count(c => c.Met);
        var isRed = density.Met && othersMet >= t.OtherCriteriaRequired;
        var metNames = string.Join(", ", others.Where(c => c.Met).Select(c => c.Meaning.TrimEnd('.').ToLowerInvariant()));
        var explanation = (isRed, density.Met) switch
        {
            (true, _) => $"{z.Name} is a red zone: one GP for {density.Value} inhabitants (threshold {Whole(t.InhabitantsPerGp)}) and {othersMet} of the other criteria met ({metNames}).",
            (false, false) => $"{z.Name} is not a red zone: one GP for {density.Value} inhabitants is under the threshold of one for {Whole(t.InhabitantsPerGp)}"
                              + (othersMet > 0 ? $", although {othersMet} other criteria are met ({metNames}); it remains short of doctors without national help." : "."),
            (false, true) => $"{z.Name} is not a red zone: one GP for {density.Value} inhabitants is above the threshold, but only {othersMet} of the other criteria are met ({t.OtherCriteriaRequired} needed)",
        };
        if (!isRed && density.Met)
        {
            explanation += othersMet > 0 ? $": {metNames}." : ".";
        }

        return new Classification(z.Code!, z.Name!, z.Kind!, isRed, [density, .. others], explanation);
    }

    public static Dictionary<string, string[]> Validate(ZoneData z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var errors = new Dictionary<string, string[]>();
        if (z.Kind is not (ZoneData.Commune or ZoneData.Intercommunality))
        {
            errors["kind"] = ["Commune or Intercommunality."];
            if (string.IsNullOrEmpty(z.Code))
            {
                errors["code"] = ["Required: the INSEE code of a commune, or the 9-digit SIREN of an intercommunality."];
            }
        }
        else if (z.Kind == ZoneData.Commune && Platform.Contracts.InseeCode.Problem(z.Code) is { } communeProblem)
        {
            errors["code"] = [communeProblem];
        }
        else if (z.Kind == ZoneData.Intercommunality && FranceGeography.Official.EpciProblem(z.Code) is { } epciProblem)
        {
            errors["code"] = [epciProblem];
        }

        if (z.Name is not null && (string.IsNullOrWhiteSpace(z.Name) || z.Name.Length > 200))
        {
            errors["name"] = ["At most 200 characters, not blank (or left out: the official name)."];
        }

        if (z.Population is not null and not (> 0 and < 20_000_000))
        {
            errors["population"] = ["A positive number of inhabitants (or left out: the official population)."];
        }

        if (z.Gps is not null and not (>= 0 and < 100_000))
        {
            errors["gps"] = ["The number of GPs (0 or more)."];
        }

        Percent(errors, "aldPrevalencePercent", z.AldPrevalencePercent);
        Percent(errors, "youngGpSharePercent", z.YoungGpSharePercent);
        if (z.EmergencyMinutes is not null and not (>= 0 and <= 600))
        {
            errors["emergencyMinutes"] = ["Minutes to the nearest emergency service, 0 to 600."];
        }

        if (z.MedianIncome is not null and not (> 0 and < 1_000_000))
        {
            errors["medianIncome"] = ["Median income in EUR a year, positive."];
        }

        ThresholdErrors(z.Thresholds, errors);
        return errors;
    }

    /// <summary>Checks a request's threshold overrides, adding errors under <c>thresholds.*</c>.</summary>
    public static void ThresholdErrors(ThresholdOverrides? thresholds, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (thresholds is { } t)
        {
            if (t.InhabitantsPerGp is not null and not (>= 100 and <= 100_000))
            {
                errors["thresholds.inhabitantsPerGp"] = ["Inhabitants per GP, 100 to 100,000."];
            }

            if (t.AldPrevalencePercent is not null and not (>= 0 and <= 100))
            {
                errors["thresholds.aldPrevalencePercent"] = ["A percentage between 0 and 100."];
            }

            if (t.YoungGpSharePercent is not null and not (>= 0 and <= 100))
            {
                errors["thresholds.youngGpSharePercent"] = ["A percentage between 0 and 100."];
            }

            if (t.EmergencyMinutes is not null and not (>= 0 and <= 600))
            {
                errors["thresholds.emergencyMinutes"] = ["Minutes, 0 to 600."];
            }

            if (t.MedianIncome is not null and not (> 0 and < 1_000_000))
            {
                errors["thresholds.medianIncome"] = ["Median income in EUR a year, positive."];
            }

            if (t.OtherCriteriaRequired is not null and not (>= 0 and <= 4))
            {
                errors["thresholds.otherCriteriaRequired"] = ["How many of the 4 other criteria must be met: 0 to 4."];
            }
        }

    }

    private static void Percent(Dictionary<string, string[]> errors, string field, decimal? value)
    {
        if (value is not null and not (>= 0 and <= 100))
        {
            errors[field] = ["A percentage between 0 and 100."];
        }
    }

    private static string Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
