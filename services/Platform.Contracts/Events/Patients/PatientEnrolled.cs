namespace Platform.Contracts.Events;

/// <summary>A patient was enrolled on a territory's or a site's waiting list.</summary>
public sealed record PatientEnrolled(
    Guid PatientId,
    Guid EntryId,
    string WaitingList,
    string CommuneCode,
    DateTimeOffset EnrolledAt) : IIntegrationEvent;
