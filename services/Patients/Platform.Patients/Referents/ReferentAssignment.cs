namespace Platform.Patients.Referents;

/// <summary>One period during which a practitioner or a centre was the patient's referring GP.</summary>
public sealed class ReferentAssignment
{
    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public ReferentKind Kind { get; init; }

    public string? Rpps { get; init; }

    public Guid? SiteId { get; init; }

    /// <summary>The practitioner's or centre's name as Missions gave it at assignment time.</summary>
    public required string DisplayName { get; init; }

    public DateTimeOffset AssignedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}
