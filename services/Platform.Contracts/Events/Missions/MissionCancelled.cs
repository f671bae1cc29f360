namespace Platform.Contracts.Events;

/// <summary>A mission was cancelled (Missions): the practitioner no longer works at the site through it.</summary>
public sealed record MissionCancelled(
    Guid MissionId,
    string PractitionerRpps,
    Guid SiteId,
    DateTimeOffset CancelledAt) : IIntegrationEvent;
