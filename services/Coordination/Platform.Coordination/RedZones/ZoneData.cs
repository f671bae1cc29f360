using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.RedZones;

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
    public ZoneFigures? Figures => ZoneFigures.WhenComplete(Population, Gps, AldPrevalencePercent, EmergencyMinutes, YoungGpSharePercent, MedianIncome);
}
