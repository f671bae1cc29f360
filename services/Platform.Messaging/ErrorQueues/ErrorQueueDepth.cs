namespace Platform.Messaging.ErrorQueues;

public sealed record ErrorQueueDepth(string Queue, string SourceQueue, long Messages);
