namespace Platform.Missions.Scheduling;

/// <summary>The transition was refused, nothing changed: an HTTP status, a title saying which rule, and the field at fault if any.</summary>
public sealed record MissionTransitionRefused(Guid MissionId, int Status, string Title, string? Field = null);
