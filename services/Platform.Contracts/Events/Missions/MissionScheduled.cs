namespace Platform.Contracts.Events;

/// <summary>
/// A mission was scheduled (Missions): a practitioner (RPPS) will work at a site. Patients keeps which sites each
/// practitioner works at, so a practitioner's scope covers the patients waiting for those sites.
/// </summary>
public sealed record MissionScheduled(
    Guid MissionId,
    string PractitionerRpps,
    Guid SiteId,
    DateOnly StartDate,
    DateOnly EndDate,
    DateTimeOffset ScheduledAt) : IIntegrationEvent;
