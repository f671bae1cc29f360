namespace Platform.Funding.Indemnities;

public sealed record PayoutResponse(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Total, IReadOnlyList<PractitionerPayout> Practitioners);
