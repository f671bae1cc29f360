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
        using var response = await SendAsync(() => http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);
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
        using var response = await SendAsync(() => http.GetAsync(path, cancellationToken), cancellationToken);
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
        using var response = await SendAsync(() => body is null ? http.PostAsync(path, null, cancellationToken) : http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"demo: POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>
    /// Sends, again after a pause when the platform answers 502, 503 or 504 or cannot be reached (a service still
    /// warming up, a mission command that did not answer in time on a busy machine): every call of the loader is safe
    /// to repeat (a second creation is a 409, a second command too). Five attempts, then the last answer stands.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                continue;
            }

            if (attempt >= 5 || response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
        }
    }
}
