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
