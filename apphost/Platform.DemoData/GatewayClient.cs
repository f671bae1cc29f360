using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.DemoData;

/// <summary>The gateway, as the demo loader calls it; counts what it created and what was already there.</summary>
public sealed class GatewayClient(HttpClient http)
{
    private static readonly string[] s_idFields = ["id", "existingId", "entryId", "existingEntryId"];

    private int _created;
    private int _existing;

    public int Created => _created;

    public int Existing => _existing;

    /// <summary>POSTs <paramref name="body"/>; returns the id created or already there. Anything but 201/409 stops the load.</summary>
    public async Task<Guid?> PostAsync(string path, object body, string what, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created:
                Interlocked.Increment(ref _created);
                break;
            case HttpStatusCode.Conflict:
                Interlocked.Increment(ref _existing);
                break;
            default:
                throw new InvalidOperationException($"demo {what}: POST {path} answered {(int)response.StatusCode}: {text}");
        }

        if (text.Length == 0)
        {
            return null;
        }

        using var json = JsonDocument.Parse(text);
        foreach (var field in s_idFields)
        {
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(field, out var id) && id.TryGetGuid(out var guid))
            {
                return guid;
            }
        }

        return null;
    }

    /// <summary>GETs a JSON document; anything but 200 stops the load.</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"demo: GET {path} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>A command (a lifecycle move, a scan, a classification): a success, or 409 when already done.</summary>
    public async Task CommandAsync(string path, CancellationToken cancellationToken, object? body = null)
    {
        using var response = body is null
            ? await http.PostAsync(path, null, cancellationToken)
            : await http.PostAsJsonAsync(path, body, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"demo: POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
