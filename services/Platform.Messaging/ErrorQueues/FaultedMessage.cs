namespace Platform.Messaging.ErrorQueues;

/// <summary>A message MassTransit moved to an error queue, with why (its fault headers).</summary>
public sealed record FaultedMessage(
    string? MessageId,
    string? MessageType,
    string? Reason,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FaultedAt,
    bool Redelivered,
    string Body);
