using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Practitioners;

/// <summary>A period a volunteer can come, both days included.</summary>
public sealed record AvailabilityWindow([Required] DateOnly From, [Required] DateOnly To);
