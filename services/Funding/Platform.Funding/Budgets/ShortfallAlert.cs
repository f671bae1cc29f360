namespace Platform.Funding.Budgets;

/// <summary>The last shortfall announced for a site-year, so the same one is not announced twice.</summary>
public sealed class ShortfallAlert
{
    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public decimal Shortfall { get; set; }
}
