namespace Platform.Coordination.Territory;

public sealed record MemberResponse(Guid Id, string FirstName, string LastName, Profession Profession, string? Rpps, string CommuneCode, string? Email,
    string? Phone, bool AvailableForFollowUps);
