namespace Platform.Funding.Grants;

/// <summary>Money a funder gives a beneficiary (a site, or the structure carrying it), once or every year.</summary>
public sealed class Grant
{
    public Guid Id { get; init; }

    public Guid FunderId { get; init; }

    /// <summary>EUR, to the cent; for a yearly grant, the amount of each year.</summary>
    public decimal Amount { get; init; }

    public GrantPeriodicity Periodicity { get; init; }

    public int StartYear { get; init; }

    /// <summary>Last year of a yearly grant (inclusive); null for one-off grants and open-ended yearly ones.</summary>
    public int? EndYear { get; init; }

    public GrantPurpose Purpose { get; init; }

    /// <summary>The site (Missions id) the money goes to, or null when it goes to a carrying structure.</summary>
    public Guid? SiteId { get; init; }

    public required string Beneficiary { get; init; }

    /// <summary>The project's total budget, required for EU LEADER grants (capped at 40 % of it).</summary>
    public decimal? ProjectBudget { get; init; }

    public GrantStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
