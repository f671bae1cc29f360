namespace Platform.Contracts.Events;

/// <summary>
/// A mission ended (Missions). Kind: <c>WeeklyRotation</c> (Monday–Saturday, 6 days), <c>SolidarityDays</c> (up to 2
/// days a month in a red zone) or <c>Salaried</c> (a salaried schedule). Funding pays indemnities from it.
/// </summary>
public sealed record MissionCompleted(
    Guid MissionId,
    string Kind,
    string PractitionerRpps,
    Guid SiteId,
    DateOnly StartDate,
    DateOnly EndDate,
    int DaysWorked,
    DateTimeOffset CompletedAt) : IIntegrationEvent;

/// <summary>A payout batch paid a practitioner's indemnities for a period (Funding).</summary>
public sealed record IndemnityPaid(
    Guid BatchId,
    string PractitionerRpps,
    decimal Amount,
    int Lines,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset PaidAt) : IIntegrationEvent;

/// <summary>A site's funding for a year fell under its costs (Funding).</summary>
public sealed record BudgetShortfallDetected(
    Guid SiteId,
    int Year,
    decimal Costs,
    decimal Funding,
    decimal Shortfall,
    DateTimeOffset DetectedAt) : IIntegrationEvent;

/// <summary>A commune or intercommunality was classified (Coordination); Missions uses it for solidarity days.</summary>
public sealed record ZoneClassified(
    string ZoneCode,
    string ZoneKind,
    bool IsRedZone,
    string Explanation,
    DateTimeOffset ClassifiedAt) : IIntegrationEvent;
