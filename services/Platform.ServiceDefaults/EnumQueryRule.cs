using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults;

/// <summary>
/// Enums in query strings by their names only, as in bodies: minimal APIs would bind <c>?status=999</c> (any
/// number) to an undefined value and silently filter on it. Every enum parameter of the matched endpoint's handler is
/// found once per endpoint, from the handler's signature; a value that is not a name is a 400 listing the names.
/// </summary>
internal static class EnumQueryRule
{
    private static readonly ConditionalWeakTable<Endpoint, (string Name, Type Enum, string Rule)[]> s_parameters = [];

    public static (string Field, string Rule)? BrokenBy(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        foreach (var (name, type, rule) in s_parameters.GetValue(endpoint, EnumParameters))
        {
            if (!context.Request.Query.TryGetValue(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null && !EnumNames.IsName(type, value))
                {
                    return (name, rule);
                }
            }
        }

        return null;
    }

    private static (string Name, Type Enum, string Rule)[] EnumParameters(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler
            ? [.. handler.GetParameters()
                .Select(p => (Parameter: p, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Where(p => p.Type.IsEnum && p.Parameter.GetCustomAttribute<FromRouteAttribute>() is null
                            && p.Parameter.GetCustomAttribute<FromBodyAttribute>() is null && p.Parameter.GetCustomAttribute<FromHeaderAttribute>() is null)
                .Select(p => (p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.Name!, p.Type, EnumNames.Rule(p.Type)))]
            : [];
}
