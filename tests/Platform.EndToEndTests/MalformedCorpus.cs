using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEndTests;

/// <summary>One hostile request: what it breaks, and how to send it.</summary>
public sealed record MalformedRequest(string Breaks, HttpMethod Method, string Url, string? Body, string ContentType = "application/json")
{
    public HttpRequestMessage ToMessage() => new(Method, Url)
    {
        Content = Body is null ? null : new StringContent(Body, Encoding.UTF8, ContentType),
    };

    public override string ToString() => $"{Method} {Url} ({Breaks})";
}

/// <summary>
/// Generates malformed requests from a service's OpenAPI document, as a hostile partner would write them: for every
/// operation, each query parameter and each body field broken in the ways the input policy refuses (control
/// characters, enums by number or unknown name, dates out of range, wrong types, null array elements), and the body
/// itself broken (not JSON, wrong shape, wrong media type). Every one must be refused.
/// </summary>
public static class MalformedCorpus
{
    private const int MaxDepth = 3;

    public static IEnumerable<MalformedRequest> From(JsonElement document)
    {
        var root = JsonNode.Parse(document.GetRawText())!;
        var schemas = root["components"]?["schemas"]?.AsObject();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete"))
                {
                    continue;
                }

                var operation = operationNode!.AsObject();
                var verb = new HttpMethod(method.ToUpperInvariant());
                var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                var url = Fill(path, parameters);
                var queries = parameters.Where(p => (string?)p["in"] == "query").ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var valid = body is null ? null : ValidValue(body, schemas, 0)?.ToJsonString();

                foreach (var query in queries)
                {
                    var name = (string)query["name"]!;
                    foreach (var (value, breaks) in BrokenQueryValues(Resolve(query["schema"], schemas)).Concat(BrokenIdentifiers(name)))
                    {
                        yield return new MalformedRequest($"query {name}: {breaks}", verb, $"{url}?{name}={Uri.EscapeDataString(value)}", valid);
                    }
                }

                if (body is null || valid is null)
                {
                    continue;
                }

                foreach (var (field, broken, breaks) in BrokenBodies(body, schemas))
                {
                    yield return new MalformedRequest($"body {field}: {breaks}", verb, url, broken);
                }

                yield return new MalformedRequest("body: not JSON", verb, url, "{ \"unterminated\": ");
                yield return new MalformedRequest("body: an array, not an object", verb, url, "[]");
                yield return new MalformedRequest("body: a string, not an object", verb, url, "\"text\"");
                yield return new MalformedRequest("body: empty", verb, url, "");
                yield return new MalformedRequest("body: text/plain", verb, url, valid, "text/plain");
            }
        }
    }

    /// <summary>The path with its parameters filled: a fresh id for a uuid, a plausible word otherwise.</summary>
    private static string Fill(string path, List<JsonObject> parameters)
    {
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)parameter["name"]!;
            var value = (string?)parameter["schema"]?["format"] == "uuid" ? Guid.NewGuid().ToString() : "x";
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Filters that name a commune or a practitioner, given a value that cannot be one.</summary>
    private static IEnumerable<(string Value, string Breaks)> BrokenIdentifiers(string name)
    {
        if (name is "commune" or "communeCode")
        {
            yield return ("5313", "not an INSEE code");
            yield return ("00000", "no such department");
        }
        else if (name is "rpps")
        {
            yield return ("12345678901", "a wrong RPPS check digit");
        }
    }

    private static IEnumerable<(string Value, string Breaks)> BrokenQueryValues(JsonNode? schema)
    {
        yield return ("a\0b", "NUL character");
        yield return ("a\u001bb", "ESC character");
        if (schema is null)
        {
            yield break;
        }

        foreach (var broken in BrokenScalars(schema))
        {
            if (broken.Value is JsonValue value)
            {
                yield return (value.ToJsonString().Trim('"'), broken.Breaks);
            }
        }
    }

    /// <summary>Each field of the body (nested ones too) broken in turn, the rest left valid.</summary>
    private static IEnumerable<(string Field, string Body, string Breaks)> BrokenBodies(JsonNode schema, JsonObject? schemas)
    {
        foreach (var (field, pathToField) in Fields(Resolve(schema, schemas)!, schemas, [], 0))
        {
            var fieldSchema = pathToField;
            foreach (var (value, breaks) in BrokenValues(fieldSchema, schemas))
            {
                var body = ValidValue(schema, schemas, 0)!;
                Set(body, field, value);
                yield return (string.Join('.', field), body.ToJsonString(), breaks);
            }
        }
    }

    private static IEnumerable<(List<string> Path, JsonNode Schema)> Fields(JsonNode schema, JsonObject? schemas, List<string> prefix, int depth)
    {
        if (depth >= MaxDepth || schema["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, property) in properties)
        {
            var resolved = Resolve(property, schemas);
            if (resolved is null)
            {
                continue;
            }

            var path = new List<string>(prefix) { name };
            yield return (path, resolved);
            if (IsArray(resolved) && Resolve(resolved["items"], schemas) is { } items)
            {
                foreach (var nested in Fields(items, schemas, [.. path, "0"], depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                foreach (var nested in Fields(resolved, schemas, path, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<(JsonNode? Value, string Breaks)> BrokenValues(JsonNode schema, JsonObject? schemas)
    {
        if (IsArray(schema))
        {
            yield return (new JsonArray((JsonNode?)null), "null element in an array");
            yield return ("not an array", "a string for an array");
            yield break;
        }

        if (schema["properties"] is JsonObject)
        {
            yield return ("not an object", "a string for an object");
            yield break;
        }

        if (Has(schema, "string") && schema["enum"] is null && schema["format"] is null)
        {
            yield return ("a\0b", "NUL character");
            yield return ("a\u001bb", "ESC character");
            yield return (new JsonObject { ["nested"] = 1 }, "an object for a text");
            yield return (new string('a', 10_001), "a text longer than any field's bound");
        }

        foreach (var broken in BrokenScalars(schema))
        {
            yield return broken;
        }
    }

    private static IEnumerable<(JsonNode? Value, string Breaks)> BrokenScalars(JsonNode schema)
    {
        var format = (string?)schema["format"];
        if (schema["enum"] is JsonArray)
        {
            yield return (999, "an enum by number");
            yield return ("999", "an enum by number in a string");
            yield return ("NotAValue", "an unknown enum name");
        }
        else if (format == "date")
        {
            yield return ("0001-01-01", "a date out of range");
            yield return ("9999-12-27", "a date out of range");
            yield return ("2026-13-45", "not a date");
        }
        else if (format == "date-time")
        {
            yield return ("0001-01-01T00:00:00Z", "a time out of range");
            yield return ("yesterday", "not a time");
        }
        else if (format == "uuid")
        {
            yield return ("not-a-uuid", "not a uuid");
        }
        else if (Has(schema, "integer"))
        {
            yield return ("2147483648", "an integer overflow");
            yield return ("abc", "not a number");
        }
        else if (Has(schema, "number"))
        {
            yield return ("abc", "not a number");
        }
        else if (Has(schema, "boolean"))
        {
            yield return ("maybe", "not a boolean");
        }
    }

    /// <summary>A value the schema accepts as to its types (the service may still refuse it for its meaning).</summary>
    private static JsonNode? ValidValue(JsonNode? schema, JsonObject? schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > MaxDepth + 1)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        if (IsArray(schema))
        {
            return ValidValue(schema["items"], schemas, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }

        if (schema["properties"] is JsonObject properties)
        {
            var value = new JsonObject();
            foreach (var (name, property) in properties)
            {
                value[name] = ValidValue(property, schemas, depth + 1);
            }

            return value;
        }

        return (string?)schema["format"] switch
        {
            "date" => "2026-06-01",
            "date-time" => "2026-06-01T09:00:00Z",
            "uuid" => Guid.NewGuid().ToString(),
            _ when Has(schema, "integer") || Has(schema, "number") => 1,
            _ when Has(schema, "boolean") => false,
            _ => "53130",
        };
    }

    private static void Set(JsonNode body, List<string> path, JsonNode? value)
    {
        var node = body;
        foreach (var step in path[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(step, CultureInfo.InvariantCulture)]! : node[step]!;
        }

        if (node is JsonArray last)
        {
            last[int.Parse(path[^1], CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[path[^1]] = value;
        }
    }

    /// <summary>Follows <c>$ref</c>, and the non-null branch of a nullable <c>oneOf</c>.</summary>
    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var i = 0; i < 5 && schema is not null; i++)
        {
            if ((string?)schema["$ref"] is { } reference)
            {
                schema = schemas?[reference[(reference.LastIndexOf('/') + 1)..]];
            }
            else if (schema["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => (string?)s?["type"] != "null") is { } branch)
            {
                schema = branch;
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static bool IsArray(JsonNode schema) => Has(schema, "array");

    private static bool Has(JsonNode schema, string type) => schema["type"] switch
    {
        JsonValue single => (string?)single == type,
        JsonArray many => many.Any(t => (string?)t == type),
        _ => false,
    };
}
