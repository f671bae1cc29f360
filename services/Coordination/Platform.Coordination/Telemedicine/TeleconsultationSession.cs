namespace Platform.Coordination.Telemedicine;

/// <summary>
/// An assisted teleconsultation: a nurse of the CPTS assists a patient, known here only by their pseudonym, at a
/// place's cabin with a remote doctor.
/// </summary>
public sealed class TeleconsultationSession
{
    public Guid Id { get; init; }

    public Guid PlaceId { get; init; }

    public DateOnly Date { get; init; }

    public Guid AssistingNurseId { get; init; }

    /// <summary>The Patients service's keyed pseudonym, never an identity.</summary>
    public required string PatientPseudonym { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
