namespace Platform.Contracts.Events;

/// <summary>
/// A patient was given a referring GP (médecin traitant): a practitioner (RPPS) or a centre acting as référent.
/// <see cref="FirstReferent"/> is true when the patient had none: they leave the count of people without a GP.
/// </summary>
public sealed record PatientAssignedReferent(
    Guid PatientId,
    string CommuneCode,
    string ReferentKind,
    string? Rpps,
    Guid? SiteId,
    bool FirstReferent,
    DateTimeOffset AssignedAt) : IIntegrationEvent;
