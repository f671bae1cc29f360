using System.Text.Json.Serialization;

namespace Platform.Missions.Scheduling;

[JsonConverter(typeof(JsonStringEnumConverter<MissionKind>))]
public enum MissionKind
{
    /// <summary>Monday to Saturday, six days (Médecins solidaires).</summary>
    WeeklyRotation,

    /// <summary>Up to 2 days a month in a red zone (Un médecin près de chez vous).</summary>
    SolidarityDays,

    /// <summary>A salaried schedule (Service Médical de Proximité).</summary>
    Salaried,
}

[JsonConverter(typeof(JsonStringEnumConverter<MissionState>))]
public enum MissionState
{
    Proposed,
    Confirmed,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>A practitioner at a site for a period. Its state only moves forward; a concurrent change loses nothing (xmin).</summary>
public sealed class Mission
{
    public Guid Id { get; init; }

    public MissionKind Kind { get; init; }

    public required string PractitionerRpps { get; init; }

    public Guid SiteId { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public MissionState State { get; set; }

    public int? DaysWorked { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's row version, for optimistic concurrency.</summary>
    public uint Version { get; set; }

    public int Days => EndDate.DayNumber - StartDate.DayNumber + 1;

    public static readonly IReadOnlyDictionary<MissionState, MissionState[]> Transitions = new Dictionary<MissionState, MissionState[]>
    {
        [MissionState.Proposed] = [MissionState.Confirmed, MissionState.Cancelled],
        [MissionState.Confirmed] = [MissionState.InProgress, MissionState.Cancelled],
        [MissionState.InProgress] = [MissionState.Completed, MissionState.Cancelled],
        [MissionState.Completed] = [],
        [MissionState.Cancelled] = [],
    };
}
