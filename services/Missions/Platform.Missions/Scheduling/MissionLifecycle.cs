using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;

namespace Platform.Missions.Scheduling;

/// <summary>
/// The mission lifecycle, a MassTransit state machine saga persisted in PostgreSQL (the <c>missions</c> table):
/// proposed → confirmed → in progress → completed, or cancelled from any state before completed. A mission is created
/// in <c>Proposed</c> by the scheduling rules (or an accepted plan); the four commands then move it. Completing records
/// the days worked and raises <see cref="MissionCompleted"/>, written to the outbox in the same transaction. Any other
/// move is answered with a refusal and changes nothing. Every applied move is kept in the mission's history.
/// </summary>
public sealed class MissionLifecycle : MassTransitStateMachine<Mission>
{
    public State Proposed { get; private set; } = null!;
    public State Confirmed { get; private set; } = null!;
    public State InProgress { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<ConfirmMission> Confirm { get; private set; } = null!;
    public Event<StartMission> Start { get; private set; } = null!;
    public Event<CompleteMission> Complete { get; private set; } = null!;
    public Event<CancelMission> Cancel { get; private set; } = null!;

    public MissionLifecycle(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        InstanceState(m => m.CurrentState);
        Event(() => Confirm, e => Correlate(e, m => m.MissionId));
        Event(() => Start, e => Correlate(e, m => m.MissionId));
        Event(() => Complete, e => Correlate(e, m => m.MissionId));
        Event(() => Cancel, e => Correlate(e, m => m.MissionId));

        During(Proposed,
            When(Confirm)
                .Then(c => c.Saga.Record(MissionState.Confirmed, c.Message.RequestedBy, time.GetUtcNow()))
                .TransitionTo(Confirmed)
                .RespondAsync(c => Accepted(c.Saga)));
        During(Confirmed,
            When(Start)
                .Then(c => c.Saga.Record(MissionState.InProgress, c.Message.RequestedBy, time.GetUtcNow()))
                .TransitionTo(InProgress)
                .RespondAsync(c => Accepted(c.Saga)));
        During(InProgress,
            When(Complete, c => !DaysWorkedFit(c.Saga, c.Message.DaysWorked))
                .RespondAsync(c => Task.FromResult(new MissionTransitionRefused(c.Saga.Id, 400, $"Days worked: between 0 and {c.Saga.Days}.", "daysWorked"))),
            When(Complete, c => DaysWorkedFit(c.Saga, c.Message.DaysWorked))
                .ThenAsync(async c =>
                {
                    var now = time.GetUtcNow();
                    var mission = c.Saga;
                    var days = c.Message.DaysWorked ?? mission.DefaultDaysWorked;
                    var commune = await c.GetServiceOrCreateInstance<MissionsDbContext>().Sites
                        .Where(s => s.Id == mission.SiteId).Select(s => s.CommuneCode).FirstAsync(c.CancellationToken);
                    mission.DaysWorked = days;
                    mission.Record(MissionState.Completed, c.Message.RequestedBy, now);
                    mission.PendingEvents.Add(new MissionCompleted(mission.Id, mission.Kind.ToString(), mission.PractitionerRpps, mission.SiteId,
                        mission.StartDate, mission.EndDate, days, now, commune));
                })
                .TransitionTo(Completed)
                .RespondAsync(c => Accepted(c.Saga)));
        During([Proposed, Confirmed, InProgress],
            When(Cancel)
                .Then(c =>
                {
                    var now = time.GetUtcNow();
                    c.Saga.Record(MissionState.Cancelled, c.Message.RequestedBy, now);
                    c.Saga.PendingEvents.Add(new MissionCancelled(c.Saga.Id, c.Saga.PractitionerRpps, c.Saga.SiteId, now));
                })
                .TransitionTo(Cancelled)
                .RespondAsync(c => Accepted(c.Saga)));

        // Any other move (complete a cancelled mission, start a proposed one, confirm twice): refused, nothing written.
        OnUnhandledEvent(c => c.RespondAsync(new MissionTransitionRefused(c.Saga.Id, 409,
            $"A {c.Saga.State} mission cannot be {Verb(c.Event.Name)}; allowed from {c.Saga.State}: {AllowedFrom(c.Saga.State)}.")));
    }

    /// <summary>The moves allowed from a state, read from the state machine itself (confirm, start, complete, cancel order).</summary>
    public string[] MovesFrom(MissionState state)
    {
        var handled = NextEvents(GetState(state.ToString())).ToHashSet();
        return new (Event Event, string Move)[] { (Confirm, "confirm"), (Start, "start"), (Complete, "complete"), (Cancel, "cancel") }
            .Where(m => handled.Contains(m.Event)).Select(m => m.Move).ToArray();
    }

    private string AllowedFrom(MissionState state) => MovesFrom(state) is { Length: > 0 } moves ? string.Join(", ", moves) : "nothing (the mission is over)";

    private static string Verb(string eventName) => eventName switch
    {
        nameof(Confirm) => "confirmed",
        nameof(Start) => "started",
        nameof(Complete) => "completed",
        _ => "cancelled",
    };

    private static bool DaysWorkedFit(Mission mission, int? days) => days is null || (days >= 0 && days <= mission.Days);

    private static Task<MissionTransitionAccepted> Accepted(Mission mission) => Task.FromResult(new MissionTransitionAccepted(MissionResponse.From(mission)));

    /// <summary>By mission id; a command for a mission that does not exist is answered 404 (no instance is created).</summary>
    private static void Correlate<T>(IEventCorrelationConfigurator<Mission, T> e, Func<T, Guid> id)
        where T : class
    {
        e.CorrelateById(c => id(c.Message));
        e.OnMissingInstance(m => m.ExecuteAsync(c => c.RespondAsync(new MissionTransitionRefused(id(c.Message), 404, "No mission has this id."))));
    }
}
