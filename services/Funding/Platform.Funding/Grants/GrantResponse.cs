namespace Platform.Funding.Grants;

public sealed record GrantResponse(Guid Id, Guid FunderId, string FunderName, decimal Amount, string Currency, GrantPeriodicity Periodicity,
    int StartYear, int? EndYear, GrantPurpose Purpose, Guid? SiteId, string Beneficiary, decimal? ProjectBudget, GrantStatus Status);
