using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.Referents;

public sealed record AssignReferentRequest([Required] ReferentKind? Kind, string? Rpps, Guid? SiteId);
