namespace Platform.Messaging.ErrorQueues;

public sealed record RedeliverRequest(Guid? MessageId);
