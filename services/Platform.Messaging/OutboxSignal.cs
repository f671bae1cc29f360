namespace Platform.Messaging;

/// <summary>Wakes the outbox dispatcher as soon as an event is committed, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
