using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Telemedicine;

public sealed record SessionRequest([Required] Guid? PlaceId, [Required] DateOnly? Date, [Required] Guid? AssistingNurseId, [Required] string? PatientPseudonym);
