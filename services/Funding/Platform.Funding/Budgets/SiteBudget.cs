namespace Platform.Funding.Budgets;

public sealed record SiteBudget(Guid SiteId, int Year, IReadOnlyDictionary<string, decimal> Costs, decimal TotalCosts, decimal Funding, decimal? CoverageRatio, decimal Shortfall);
