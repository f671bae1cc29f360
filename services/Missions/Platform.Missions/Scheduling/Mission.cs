using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging.Sagas;

namespace Platform.Missions.Scheduling;

/// <summary>
/// A practitioner at a site for a period. It is also the instance of the <see cref="MissionLifecycle"/> saga: its state
/// only moves forward, one message at a time (the row is locked while a transition is applied, and xmin guards the rest).
/// </summary>
public sealed class Mission : SagaStateMachineInstance, ISagaWithEvents
{
    public Guid Id { get; set; }

    /// <summary>The saga's correlation id is the mission's id.</summary>
    public Guid CorrelationId { get => Id; set => Id = value; }

    /// <summary>The state's name, as the state machine reads and writes it (the <see cref="State"/> column).</summary>
    public string CurrentState { get => State.ToString(); set => State = Enum.Parse<MissionState>(value); }

    public IList<IIntegrationEvent> PendingEvents { get; } = [];

    /// <summary>Every transition applied, in order (loaded only when asked for).</summary>
    public List<MissionTransition> History { get; init; } = [];

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

    /// <summary>Days paid when completing without saying: a rotation is six days, other missions their length.</summary>
    public int DefaultDaysWorked => Kind == MissionKind.WeeklyRotation ? Math.Min(Days, 6) : Days;

    /// <summary>Records the move to <paramref name="to"/> (the state machine then sets the state).</summary>
    public void Record(MissionState to, string by, DateTimeOffset at)
    {
        History.Add(new MissionTransition { MissionId = Id, From = State, To = to, By = by, At = at });
        UpdatedAt = at;
    }
}
