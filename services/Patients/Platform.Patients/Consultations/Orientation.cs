namespace Platform.Patients.Consultations;

public sealed class Orientation
{
    public Guid Id { get; init; }

    public Guid ConsultationId { get; init; }

    public OrientationKind Kind { get; init; }

    public string? Note { get; init; }
}
