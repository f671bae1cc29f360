namespace Platform.Coordination.Telemedicine;

public sealed record SessionResponse(Guid Id, Guid PlaceId, DateOnly Date, Guid AssistingNurseId, string PatientPseudonym);
