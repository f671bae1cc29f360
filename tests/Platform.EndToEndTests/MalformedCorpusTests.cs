using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Platform.EndToEndTests;

/// <summary>
/// Hundreds of malformed requests, generated from the four OpenAPI documents, sent through the gateway with a platform
/// admin's key (so that authorization lets each reach the input policy): each answers a 4xx problem document, and no
/// table of the four databases gains or loses a row.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class MalformedCorpusTests(RunningPlatform platform, ITestOutputHelper output)
{
    private static readonly string[] s_services = ["patients", "missions", "funding", "coordination"];

    /// <summary>Under the gateway's default limit (200 requests/s per partner): every request reaches its service.</summary>
    private const int RequestsPerSecond = 150;

    [Fact]
    public async Task Every_malformed_request_is_a_4xx_problem_and_changes_no_row()
    {
        using var gateway = platform.CreateGatewayClient();
        var corpus = new List<MalformedRequest>();
        foreach (var service in s_services)
        {
            corpus.AddRange(MalformedCorpus.From(await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json")));
        }

        Assert.True(corpus.Count >= 300, $"Only {corpus.Count} malformed requests were generated.");
        var before = await QuietRowCountsAsync();

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < corpus.Count; i++)
        {
            var request = corpus[i];
            using var message = request.ToMessage();
            using var response = await gateway.SendAsync(message);
            var status = (int)response.StatusCode;
            var media = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or >= 500 || media != "application/problem+json")
            {
                failures.Add($"{status} {media ?? "(no body type)"}: {request}");
            }

            var due = TimeSpan.FromSeconds((i + 1) / (double)RequestsPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }

        output.WriteLine($"{corpus.Count} malformed requests in {clock.Elapsed.TotalSeconds:F1} s, {failures.Count} not refused properly.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} malformed requests were not a 4xx problem:\n" + string.Join('\n', failures.Take(60)));

        await Task.Delay(TimeSpan.FromSeconds(1)); // a write's events would have been dispatched and consumed by now
        var after = await RowCountsAsync();
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key)}").ToList();
        Assert.True(changed.Count == 0, "Rows changed: " + string.Join(", ", changed));
    }

    /// <summary>Row counts once the platform is still (earlier tests' events all consumed): two readings a second apart agree.</summary>
    private async Task<Dictionary<string, long>> QuietRowCountsAsync()
    {
        var last = await RowCountsAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await RowCountsAsync();
            if (now.Count == last.Count && now.All(t => last.GetValueOrDefault(t.Key) == t.Value))
            {
                return now;
            }

            last = now;
        }

        throw new InvalidOperationException("The databases never stopped changing: the row-count comparison would mean nothing.");
    }

    /// <summary>Every table of the four databases and its row count, as "service.table".</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var service in s_services)
        {
            var json = await platform.Databases[service].ScalarAsync<string>("""
                SELECT json_object_agg(table_name, (xpath('/row/c/text()',
                    query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint)::text
                FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                """);
            foreach (var table in JsonDocument.Parse(json!).RootElement.EnumerateObject())
            {
                counts[$"{service}.{table.Name}"] = table.Value.GetInt64();
            }
        }

        return counts;
    }
}
