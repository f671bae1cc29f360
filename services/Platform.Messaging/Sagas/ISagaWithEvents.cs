using Platform.Contracts.Events;

namespace Platform.Messaging.Sagas;

/// <summary>A saga instance that raises integration events; they go to the outbox in the saga's own transaction.</summary>
public interface ISagaWithEvents
{
    /// <summary>Events raised while handling the current message, not yet written to the outbox.</summary>
    IList<IIntegrationEvent> PendingEvents { get; }
}
