using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Platform.Geography;

namespace Platform.Coordination.RedZones;

/// <summary>Thresholds of the red-zone criteria, from configuration (<c>RedZone:Thresholds</c>).</summary>
public sealed class RedZoneThresholds
{
    /// <summary>One GP per this many inhabitants or fewer: above it, access to primary care is short (the quoted 1 per 2,000).</summary>
    public int InhabitantsPerGp { get; set; } = 2000;

    /// <summary>Share of the population with a long-term condition (ALD), in %, at or above which the need is high.</summary>
    public decimal AldPrevalencePercent { get; set; } = 20m;

    /// <summary>Minutes to the nearest emergency service at or above which it is far.</summary>
    public int EmergencyMinutes { get; set; } = 30;

    /// <summary>Share of GPs under 40, in %, under which the succession is not assured.</summary>
    public decimal YoungGpSharePercent { get; set; } = 20m;

    /// <summary>Median disposable income per consumption unit, EUR a year, under which the standard of living is low.</summary>
    public decimal MedianIncome { get; set; } = 19_000m;

    /// <summary>Besides the density criterion (always required), how many of the four others must be met.</summary>
    public int OtherCriteriaRequired { get; set; } = 2;

    /// <summary>These thresholds with a request's overrides applied (a study of "what if the threshold were ...").</summary>
    public RedZoneThresholds With(ThresholdOverrides? o) => o is null ? this : new RedZoneThresholds
    {
        InhabitantsPerGp = o.InhabitantsPerGp ?? InhabitantsPerGp,
        AldPrevalencePercent = o.AldPrevalencePercent ?? AldPrevalencePercent,
        EmergencyMinutes = o.EmergencyMinutes ?? EmergencyMinutes,
        YoungGpSharePercent = o.YoungGpSharePercent ?? YoungGpSharePercent,
        MedianIncome = o.MedianIncome ?? MedianIncome,
        OtherCriteriaRequired = o.OtherCriteriaRequired ?? OtherCriteriaRequired,
    };
}

/// <summary>Thresholds a request may set for itself instead of the configured ones (each optional).</summary>
public sealed record ThresholdOverrides(
    int? InhabitantsPerGp,
    decimal? AldPrevalencePercent,
    int? EmergencyMinutes,
    decimal? YoungGpSharePercent,
    decimal? MedianIncome,
    int? OtherCriteriaRequired);

/// <summary>
/// A zone to classify: a commune (INSEE code) or an intercommunality (SIREN), both of the official geography, which
/// gives the name and population when they are left out. A commune needs its five figures; an intercommunality's
/// figures left out are aggregated from its communes' latest classifications (<see cref="ZoneFigures.Aggregate"/>).
/// </summary>
public sealed record ZoneData(
    [Required] string? Code,
    [Required] string? Kind,
    string? Name = null,
    int? Population = null,
    int? Gps = null,
    decimal? AldPrevalencePercent = null,
    int? EmergencyMinutes = null,
    decimal? YoungGpSharePercent = null,
    decimal? MedianIncome = null,
    ThresholdOverrides? Thresholds = null)
{
    public const string Commune = "Commune";
    public const string Intercommunality = "Intercommunality";

    /// <summary>The figures, when all are given.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never part of the request
    public ZoneFigures? Figures => Population is { } population && Gps is { } gps && AldPrevalencePercent is { } ald && EmergencyMinutes is { } emergency
        && YoungGpSharePercent is { } young && MedianIncome is { } income
        ? new ZoneFigures(population, gps, ald, emergency, young, income)
        : null;
}

public sealed record Criterion(string Name, string Value, string Threshold, bool Met, string Meaning);

public sealed record Classification(string Code, string Name, string Kind, bool IsRedZone, IReadOnlyList<Criterion> Criteria, string Explanation);

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
