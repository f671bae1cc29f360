namespace Platform.Patients.Audit;

/// <summary>One read (or change) of a patient's identity: who, with which role, through which route, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public Guid PatientId { get; init; }

    public required string Partner { get; init; }

    public required string Role { get; init; }

    public required string Action { get; init; }

    public required string Route { get; init; }

    public DateTimeOffset At { get; init; }
}
