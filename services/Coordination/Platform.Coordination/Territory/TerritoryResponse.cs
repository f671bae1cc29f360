namespace Platform.Coordination.Territory;

public sealed record TerritoryResponse(Guid Id, string Name, int Population, IReadOnlyList<CommuneResponse> Communes);
