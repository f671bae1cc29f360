using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.Consultations;

public sealed record RecordConsultationRequest([Required] DateOnly? Date, [Required] Guid? SiteId, [Required] string? PractitionerRpps, [Required] ConsultationKind? Kind, IReadOnlyList<OrientationRequest>? Orientations);
