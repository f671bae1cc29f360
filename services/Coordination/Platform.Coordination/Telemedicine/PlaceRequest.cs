using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Telemedicine;

public sealed record PlaceRequest([Required] string? Name, [Required] PlaceKind? Kind, [Required] string? CommuneCode, bool? HasCabin);
