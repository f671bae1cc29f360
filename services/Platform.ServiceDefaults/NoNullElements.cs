using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Platform.ServiceDefaults;

/// <summary>
/// Lists in the API never hold <c>null</c>: <c>"communes": ["53130", null]</c> is refused, naming the list and the
/// element, before any handler could trip on it. A type-info modifier, not a converter, so the OpenAPI documents keep
/// their array schemas. A whole list may still be null where its property allows it.
/// </summary>
public static class NoNullElements
{
    public static void Modify(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = typeInfo.Properties
            .Where(p => p.Get is not null && p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                        && !typeof(IDictionary).IsAssignableFrom(p.PropertyType))
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        throw new InputRejectedException("A list without null elements.") { Field = $"{list.Name}[{index}]" };
                    }

                    index++;
                }
            }
        };
    }
}
