namespace Platform.Coordination.Indicators;

public sealed record TerritoryIndicators(Guid Id, string Name, int Population, CommuneIndicatorResponse Totals,
    IReadOnlyList<CommuneIndicatorResponse> Communes, IReadOnlyList<CommuneIndicatorResponse> OutsideTerritory);
