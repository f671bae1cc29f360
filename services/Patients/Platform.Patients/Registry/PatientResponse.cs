namespace Platform.Patients.Registry;

public sealed record PatientResponse(
    Guid Id,
    string? Nir,
    string? FirstName,
    string? LastName,
    DateOnly BirthDate,
    Sex? Sex,
    string CommuneCode,
    string? Phone,
    string? Email,
    bool HasAld,
    bool Precarity,
    bool Isolation,
    bool NeedsTransport,
    bool HasReferringGp,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ErasedAt)
{
    public static PatientResponse From(Patient p) => new(
        p.Id, p.Nir, p.FirstName, p.LastName, p.BirthDate, p.Sex, p.CommuneCode, p.Phone, p.Email,
        p.HasAld, p.Precarity, p.Isolation, p.NeedsTransport, p.HasReferringGp, p.RegisteredAt, p.ErasedAt);
}
