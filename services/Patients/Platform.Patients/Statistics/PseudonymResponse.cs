namespace Platform.Patients.Statistics;

public sealed record PseudonymResponse(Guid PatientId, string Pseudonym);
