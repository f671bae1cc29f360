namespace Platform.Contracts.Events;

/// <summary>A consultation took place (scheduled, urgent, teleconsultation or assisted teleconsultation).</summary>
public sealed record ConsultationRecorded(
    Guid ConsultationId,
    Guid PatientId,
    string CommuneCode,
    Guid SiteId,
    string PractitionerRpps,
    string Kind,
    DateOnly Date) : IIntegrationEvent;
