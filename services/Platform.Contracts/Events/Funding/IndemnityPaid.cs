namespace Platform.Contracts.Events;

/// <summary>A payout batch paid a practitioner's indemnities for a period (Funding).</summary>
public sealed record IndemnityPaid(
    Guid BatchId,
    string PractitionerRpps,
    decimal Amount,
    int Lines,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset PaidAt) : IIntegrationEvent;
