namespace Platform.Contracts.Events;

/// <summary>A consultation oriented the patient to someone of the territory: Coordination turns it into a task.</summary>
public sealed record PatientOrientated(
    Guid OrientationId,
    Guid ConsultationId,
    Guid PatientId,
    string CommuneCode,
    string Kind,
    string? Note,
    DateOnly Date) : IIntegrationEvent;
