namespace Platform.Missions.Scheduling;

/// <summary>One applied transition of a mission: from, to, who asked (partner and role) and when.</summary>
public sealed class MissionTransition
{
    public long Id { get; init; }

    public Guid MissionId { get; init; }

    public MissionState From { get; init; }

    public MissionState To { get; init; }

    public required string By { get; init; }

    public DateTimeOffset At { get; init; }
}
