namespace Platform.Coordination.Indicators;

/// <summary>Per-commune figures of the territory, projected from the other services' events.</summary>
public sealed class CommuneIndicator
{
    /// <summary>INSEE commune code.</summary>
    public required string CommuneCode { get; init; }

    /// <summary>People registered without a referring GP (from PatientRegistered, reconciled against Patients).</summary>
    public int PatientsWithoutGp { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReconciledAt { get; set; }
}
