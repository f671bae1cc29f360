namespace Platform.Patients.Registry;

public sealed record PatientSummary(Guid Id, string? FirstName, string? LastName, int BirthYear, string CommuneCode, bool HasReferringGp);
