namespace Platform.Patients.Consultations;

public sealed record OrientationResponse(Guid Id, OrientationKind Kind, string? Note);
