namespace Platform.Coordination.Indicators;

public sealed record IndicatorPage(IReadOnlyList<CommuneIndicatorResponse> Items, int Page, int PageSize, int Total);
