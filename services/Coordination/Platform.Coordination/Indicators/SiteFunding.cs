namespace Platform.Coordination.Indicators;

/// <summary>A site-year's funding as Funding last announced it (BudgetShortfallDetected; 0 = covered again).</summary>
public sealed class SiteFunding
{
    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public string? CommuneCode { get; set; }

    public decimal Costs { get; set; }

    public decimal Funding { get; set; }

    public decimal Shortfall { get; set; }

    public DateTimeOffset AnnouncedAt { get; set; }
}
