using System.Collections.Frozen;
using Platform.Contracts.Events;

namespace Platform.Messaging;

/// <summary>The integration event types of Platform.Contracts, by full name, as stored in the outbox.</summary>
public static class IntegrationEventTypes
{
    private static readonly FrozenDictionary<string, Type> s_byName = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> All => s_byName.Values;

    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_byName.ContainsKey(type.FullName ?? string.Empty)
            ? type.FullName!
            : throw new ArgumentException($"{type} is not an integration event of Platform.Contracts.", nameof(type));
    }

    public static bool TryResolve(string name, out Type type) => s_byName.TryGetValue(name, out type!);
}
