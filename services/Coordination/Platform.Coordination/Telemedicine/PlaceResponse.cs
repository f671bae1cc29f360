namespace Platform.Coordination.Telemedicine;

public sealed record PlaceResponse(Guid Id, string Name, PlaceKind Kind, string CommuneCode, bool HasCabin);
