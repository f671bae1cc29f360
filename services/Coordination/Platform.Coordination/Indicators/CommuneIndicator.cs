namespace Platform.Coordination.Indicators;

/// <summary>Per-commune figures of the territory, projected from the other services' events.</summary>
public sealed class CommuneIndicator
{
    /// <summary>INSEE commune code.</summary>
    public required string CommuneCode { get; init; }

    /// <summary>People registered without a referring GP (from PatientRegistered, reconciled against Patients).</summary>
    public int PatientsWithoutGp { get; set; }

    /// <summary>People on a waiting list (PatientEnrolled / PatientLeftWaitingList; one per list entry).</summary>
    public int WaitingListEntries { get; set; }

    /// <summary>Consultations recorded for residents of the commune (ConsultationRecorded).</summary>
    public int Consultations { get; set; }

    /// <summary>People given a referring GP (PatientAssignedReferent, first referent).</summary>
    public int GivenAGp { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReconciledAt { get; set; }
}
