namespace Platform.Messaging;

/// <summary>
/// A message that can never be applied (missing or invalid fields). It is not retried: MassTransit moves it to the
/// endpoint's <c>_error</c> queue at once.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
