using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Practitioners;

public sealed record RegisterPractitionerRequest([Required] string? Rpps, [Required] string? FirstName, [Required] string? LastName, [Required] PractitionerStatus? Status, [Required] string? HomeCommuneCode,
    string? Email = null, string? Phone = null, IReadOnlyList<AvailabilityWindow>? Availability = null);
