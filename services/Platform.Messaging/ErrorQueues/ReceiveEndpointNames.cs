using System.Collections.Concurrent;

namespace Platform.Messaging.ErrorQueues;

/// <summary>The queues this service consumes from, as MassTransit named them; each may have a <c>&lt;queue&gt;_error</c>.</summary>
public sealed class ReceiveEndpointNames
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    internal void Add(string name) => _names.TryAdd(name, 0);

    public IReadOnlyList<string> Queues => [.. _names.Keys.Order(StringComparer.Ordinal)];

    public const string ErrorSuffix = "_error";

    /// <summary>The source queue of one of this service's error queues, or null when the name is not one.</summary>
    public string? SourceOf(string errorQueue) =>
        errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) && _names.ContainsKey(errorQueue[..^ErrorSuffix.Length])
            ? errorQueue[..^ErrorSuffix.Length]
            : null;
}
