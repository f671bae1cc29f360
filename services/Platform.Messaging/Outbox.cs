using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;

namespace Platform.Messaging;

public static class Outbox
{
    internal static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event in the context's outbox. It is written by the same SaveChanges (and transaction)
    /// as the state change, and published after commit. Returns the MessageId it will carry.
    /// </summary>
    public static Guid AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent, TimeProvider? time = null)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), s_json),
            OccurredAt = (time ?? TimeProvider.System).GetUtcNow(),
            TraceParent = Activity.Current?.Id,
        };
        db.Set<OutboxMessage>().Add(message);
        return message.MessageId;
    }
}
