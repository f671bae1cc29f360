namespace Platform.Contracts.Events;

/// <summary>
/// A mission ended (Missions), at a site of <see cref="CommuneCode"/> (INSEE). Kind: <c>WeeklyRotation</c> (Monday–Saturday, 6 days), <c>SolidarityDays</c> (up to 2
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
    DateTimeOffset CompletedAt,
    string? CommuneCode = null) : IIntegrationEvent;

/// <summary>A payout batch paid a practitioner's indemnities for a period (Funding).</summary>
public sealed record IndemnityPaid(
    Guid BatchId,
    string PractitionerRpps,
    decimal Amount,
    int Lines,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset PaidAt) : IIntegrationEvent;

/// <summary>
/// A site's funding for a year fell under its costs, or changed while short (Funding). A shortfall of 0 after an
/// announced one says the site-year is covered again. <see cref="CommuneCode"/> is the site's commune (INSEE).
/// </summary>
public sealed record BudgetShortfallDetected(
    Guid SiteId,
    int Year,
    decimal Costs,
    decimal Funding,
    decimal Shortfall,
    DateTimeOffset DetectedAt,
    string? CommuneCode = null) : IIntegrationEvent;

/// <summary>
/// A site-week (Monday) starting within 14 days still has fewer rotations than the site's lines (Missions). Announced
/// once per site-week; <see cref="CoverageGapFilled"/> follows if it gets covered after all.
/// </summary>
public sealed record CoverageGapDetected(
    Guid SiteId,
    string SiteName,
    string CommuneCode,
    DateOnly WeekStart,
    int Lines,
    int LinesCovered,
    DateTimeOffset DetectedAt) : IIntegrationEvent;

/// <summary>A site-week announced by <see cref="CoverageGapDetected"/> is now covered (Missions).</summary>
public sealed record CoverageGapFilled(
    Guid SiteId,
    string CommuneCode,
    DateOnly WeekStart,
    DateTimeOffset FilledAt) : IIntegrationEvent;

/// <summary>A commune or intercommunality was classified (Coordination); Missions uses it for solidarity days.</summary>
public sealed record ZoneClassified(
    string ZoneCode,
    string ZoneKind,
    bool IsRedZone,
    string Explanation,
    DateTimeOffset ClassifiedAt) : IIntegrationEvent;
