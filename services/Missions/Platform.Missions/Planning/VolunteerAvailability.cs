using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Planning;

/// <summary>A volunteer for a plan; without <see cref="AvailableWeeks"/>, the weeks inside their registered availability windows.</summary>
public sealed record VolunteerAvailability([Required] string? Rpps, IReadOnlyList<DateOnly>? AvailableWeeks, int? MaxRotations, IReadOnlyList<string>? Communes);
