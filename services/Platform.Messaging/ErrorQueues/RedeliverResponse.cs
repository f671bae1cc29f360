namespace Platform.Messaging.ErrorQueues;

public sealed record RedeliverResponse(string Queue, string SourceQueue, int Redelivered);
