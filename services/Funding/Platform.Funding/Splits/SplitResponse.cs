namespace Platform.Funding.Splits;

/// <summary>The split; <see cref="OfficialPopulations"/> names the vintage of the official populations used, if any was.</summary>
public sealed record SplitResponse(decimal Total, string Currency, string Rule, IReadOnlyList<CommuneShare> Shares, IReadOnlyList<Guid> GrantIds,
    string? OfficialPopulations);
