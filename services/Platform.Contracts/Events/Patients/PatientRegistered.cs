namespace Platform.Contracts.Events;

/// <summary>
/// A person without a referring GP was registered by the Patients service.
/// Carries no identity: the patient id is an opaque key, the commune is the INSEE code.
/// </summary>
public sealed record PatientRegistered(
    Guid PatientId,
    string CommuneCode,
    int BirthYear,
    DateTimeOffset RegisteredAt) : IIntegrationEvent;
