namespace Platform.Patients.WaitingLists;

public sealed record RankedPatient(
    int Rank,
    Guid EntryId,
    Guid PatientId,
    string? FirstName,
    string? LastName,
    string CommuneCode,
    DateTimeOffset EnrolledAt,
    int DaysWaited,
    decimal Score,
    PriorityComponents Components);
