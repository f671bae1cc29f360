namespace Platform.Contracts.Events;

/// <summary>A patient left a waiting list, with the reason (GivenDoctor, Moved, Deceased, Other).</summary>
public sealed record PatientLeftWaitingList(
    Guid PatientId,
    Guid EntryId,
    string WaitingList,
    string CommuneCode,
    string Reason,
    int DaysWaited,
    DateTimeOffset LeftAt) : IIntegrationEvent;
