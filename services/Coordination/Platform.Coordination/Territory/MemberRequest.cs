using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Territory;

public sealed record MemberRequest([Required] string? FirstName, [Required] string? LastName, [Required] Profession? Profession, string? Rpps, [Required] string? CommuneCode, string? Email,
    string? Phone, bool? AvailableForFollowUps);
