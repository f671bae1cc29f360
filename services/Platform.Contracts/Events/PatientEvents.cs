namespace Platform.Contracts.Events;

/// <summary>A registered patient moved to another commune (Coordination moves them between its commune counts).</summary>
public sealed record PatientMoved(
    Guid PatientId,
    string FromCommuneCode,
    string ToCommuneCode,
    bool HasReferringGp,
    DateTimeOffset MovedAt) : IIntegrationEvent;

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

/// <summary>A patient was enrolled on a territory's or a site's waiting list.</summary>
public sealed record PatientEnrolled(
    Guid PatientId,
    Guid EntryId,
    string WaitingList,
    string CommuneCode,
    DateTimeOffset EnrolledAt) : IIntegrationEvent;

/// <summary>A patient left a waiting list, with the reason (GivenDoctor, Moved, Deceased, Other).</summary>
public sealed record PatientLeftWaitingList(
    Guid PatientId,
    Guid EntryId,
    string WaitingList,
    string CommuneCode,
    string Reason,
    int DaysWaited,
    DateTimeOffset LeftAt) : IIntegrationEvent;

/// <summary>A consultation took place (scheduled, urgent, teleconsultation or assisted teleconsultation).</summary>
public sealed record ConsultationRecorded(
    Guid ConsultationId,
    Guid PatientId,
    string CommuneCode,
    Guid SiteId,
    string PractitionerRpps,
    string Kind,
    DateOnly Date) : IIntegrationEvent;

/// <summary>A consultation oriented the patient to someone of the territory: Coordination turns it into a task.</summary>
public sealed record PatientOrientated(
    Guid OrientationId,
    Guid ConsultationId,
    Guid PatientId,
    string CommuneCode,
    string Kind,
    string? Note,
    DateOnly Date) : IIntegrationEvent;

/// <summary>A commune and how many people of it a batch concerns.</summary>
public sealed record CommuneCount(string CommuneCode, int Count);

/// <summary>
/// One batch of a bulk import was written (people without a GP, as a CPAM extract lists them). One event per batch,
/// not per person, so a million-row import does not flood the broker; the counts are per commune.
/// </summary>
public sealed record PatientsImported(
    Guid ImportId,
    int Batch,
    IReadOnlyList<CommuneCount> Communes,
    DateTimeOffset ImportedAt) : IIntegrationEvent;
