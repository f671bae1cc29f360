using Platform.Funding.Grants;

namespace Platform.Funding.Splits;

/// <summary>Optionally, the split saved as one yearly grant per commune (each commune becomes a funder if it is not one).</summary>
public sealed record SaveSplitAs(string? Beneficiary, Guid? SiteId, GrantPurpose? Purpose, int? StartYear, int? EndYear);
