namespace Platform.Patients.Consultations;

public sealed class Consultation
{
    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public DateOnly Date { get; init; }

    public Guid SiteId { get; init; }

    public required string PractitionerRpps { get; init; }

    public ConsultationKind Kind { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public List<Orientation> Orientations { get; init; } = [];
}
