namespace Platform.Contracts.Events;

/// <summary>A commune or intercommunality was classified (Coordination); Missions uses it for solidarity days.</summary>
public sealed record ZoneClassified(
    string ZoneCode,
    string ZoneKind,
    bool IsRedZone,
    string Explanation,
    DateTimeOffset ClassifiedAt) : IIntegrationEvent;
