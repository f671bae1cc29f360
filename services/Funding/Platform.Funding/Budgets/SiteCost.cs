namespace Platform.Funding.Budgets;

/// <summary>A site's cost for a year (indemnities come from the ledger, not from here).</summary>
public sealed class SiteCost
{
    public Guid Id { get; init; }

    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public CostCategory Category { get; init; }

    public decimal Amount { get; init; }

    public string? Description { get; init; }
}
