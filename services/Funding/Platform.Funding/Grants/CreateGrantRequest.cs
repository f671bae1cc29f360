using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Grants;

public sealed record CreateGrantRequest(
    [Required] Guid? FunderId,
    [Required] decimal? Amount,
    string? Currency,
    [Required] GrantPeriodicity? Periodicity,
    [Required] int? StartYear,
    int? EndYear,
    [Required] GrantPurpose? Purpose,
    Guid? SiteId,
    string? Beneficiary,
    decimal? ProjectBudget,
    GrantStatus? Status);
