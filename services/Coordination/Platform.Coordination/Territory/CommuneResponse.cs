namespace Platform.Coordination.Territory;

public sealed record CommuneResponse(string Code, string Name, int Population);
