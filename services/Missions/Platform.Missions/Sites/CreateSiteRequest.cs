using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Sites;

public sealed record CreateSiteRequest([Required] string? Name, [Required] SiteKind? Kind, [Required] string? CommuneCode, int? LinesPerWeek,
    string? Finess = null, int? ConsultationsPerDay = null, string? OpeningHours = null);
