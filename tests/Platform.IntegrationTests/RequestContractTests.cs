using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// What the four OpenAPI documents say a request body must carry (<c>required</c>, a type without null) is what the
/// services enforce: an empty body is refused naming every required field, an empty element of a list names every
/// required field of the element, and no field is refused as missing ("Required...") unless the document declares it.
/// Generated clients rely on the first; a partner reading the document on the second.
/// </summary>
[Collection(nameof(PlatformHosts))]
public class RequestContractTests(PlatformHosts hosts)
{
    [Fact]
    public async Task The_documents_declare_exactly_the_fields_a_request_must_carry()
    {
        var patients = PlatformHosts.ClientOf(hosts.Patients);
        var registered = await patients.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1958, month: 6), firstName = "Irène", lastName = "Jamet", birthDate = "1958-06-02", communeCode = "53130" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var patientId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var enrolled = await patients.PostAsJsonAsync($"/api/patients/{patientId}/waiting-lists", new { scope = "territory", key = "cpts-contract" });
        Assert.True(enrolled.StatusCode == HttpStatusCode.Created, await enrolled.Content.ReadAsStringAsync());
        var entryId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetString()!;
        var values = new Dictionary<string, string> { ["id"] = patientId, ["entryId"] = entryId, ["code"] = "53130" };

        var failures = new List<string>();
        var checkedOperations = 0;
        foreach (var client in new[] { patients, PlatformHosts.ClientOf(hosts.Missions), PlatformHosts.ClientOf(hosts.Funding), PlatformHosts.ClientOf(hosts.Coordination) })
        {
            var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
            var schemas = document["components"]!["schemas"]!.AsObject();
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"], schemas) is not { } body)
                    {
                        continue;
                    }

                    var url = System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}:]+)[^}]*\\}",
                        m => path.StartsWith("/api/patients", StringComparison.Ordinal) || m.Groups[1].Value == "code"
                            ? values.GetValueOrDefault(m.Groups[1].Value, Guid.NewGuid().ToString())
                            : Guid.NewGuid().ToString());
                    var operationName = $"{method.ToUpperInvariant()} {path}";
                    var errors = await ErrorsAsync(client, method, url, new JsonObject());
                    if (errors is null)
                    {
                        continue; // the resource is looked up before the body is read (a 404): nothing to learn here
                    }

                    checkedOperations++;
                    failures.AddRange(Disagreements(operationName, body, errors, ""));
                    foreach (var (field, property) in body["properties"]?.AsObject() ?? [])
                    {
                        if (property?["type"]?.ToString().Contains("array", StringComparison.Ordinal) == true
                            && Resolve(property["items"], schemas) is { } element && element["properties"] is not null)
                        {
                            var withEmptyElement = await ErrorsAsync(client, method, url, new JsonObject { [field] = new JsonArray(new JsonObject()) });
                            failures.AddRange(Disagreements(operationName, element, withEmptyElement ?? [], $"{field}[0]."));
                        }
                    }
                }
            }
        }

        Assert.True(checkedOperations >= 23, $"Only {checkedOperations} operations could be checked.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The problem's errors, or null for a 404; anything but a 400 or a 404 is a failure of its own.</summary>
    private static async Task<Dictionary<string, string>?> ErrorsAsync(HttpClient client, string method, string url, JsonObject body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} {body.ToJsonString()}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value![0]!.GetValue<string>());
    }

    private static IEnumerable<string> Disagreements(string operation, JsonNode schema, Dictionary<string, string> errors, string prefix)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var field in required)
        {
            if (!errors.ContainsKey(prefix + field))
            {
                yield return $"{operation}: {prefix}{field} is required in the document, but a request without it is not refused for it ({string.Join(", ", errors.Keys)}).";
            }

            if (schema["properties"]?[field] is { } property && (property["type"]?.ToJsonString().Contains("null", StringComparison.Ordinal) == true
                || property["oneOf"]?.AsArray().Any(o => (string?)o?["type"] == "null") == true))
            {
                yield return $"{operation}: {prefix}{field} is required, yet its type admits null.";
            }
        }

        foreach (var (key, message) in errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var field = key[prefix.Length..];
            if (!field.Contains('.', StringComparison.Ordinal) && !field.Contains('[', StringComparison.Ordinal)
                && message.StartsWith("Required", StringComparison.Ordinal) && !required.Contains(field))
            {
                yield return $"{operation}: {key} is refused as missing (\"{message}\"), but the document does not say it is required.";
            }
        }
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject schemas) =>
        schema?["$ref"] is { } reference ? schemas[reference.GetValue<string>().Split('/')[^1]] : schema;
}
