namespace Platform.Coordination.Telemedicine;

/// <summary>Where assisted teleconsultation serves whom: per cabin, sessions and distinct patients in the period.</summary>
public sealed record CabinActivity(Guid PlaceId, string Name, PlaceKind Kind, string CommuneCode, int Sessions, int Patients, int Nurses, DateOnly? LastSession);
