namespace Platform.Contracts.Events;

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
