namespace Platform.Missions.Practitioners;

public sealed record PractitionerResponse(Guid Id, string Rpps, string FirstName, string LastName, PractitionerStatus Status, string HomeCommuneCode,
    string? Email, string? Phone, IReadOnlyList<AvailabilityWindow> Availability)
{
    public static PractitionerResponse From(Practitioner p) =>
        new(p.Id, p.Rpps, p.FirstName, p.LastName, p.Status, p.HomeCommuneCode, p.Email, p.Phone, p.Availability);
}
