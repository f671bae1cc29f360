using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The OpenAPI documents partners read and generate clients from, as the gateway serves them, pass Redocly's
/// recommended rules (eng/redocly.yaml): a server, summaries, every operation's 4xx as problem details.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class OpenApiLintTests(RunningPlatform platform)
{
    public static TheoryData<string> Documents => ["patients", "missions", "funding", "coordination"];

    private static string Redocly => Environment.GetEnvironmentVariable("PLATFORM_REDOCLY") is { Length: > 0 } redocly
        ? redocly
        : throw new InvalidOperationException("PLATFORM_REDOCLY is not set: run the tests with ./platform test, which installs @redocly/cli.");

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_gateway_serves_a_document_that_lints_clean(string service)
    {
        using var anonymous = platform.CreateAnonymousGatewayClient(); // documents need no credential
        var json = await anonymous.GetStringAsync($"/openapi/{service}.json");
        var path = Path.Combine(Path.GetTempPath(), $"platform-openapi-{service}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            var (exitCode, output, errors) = await CommandLine.RunAsync(Redocly, ["lint", path, "--config", RepositoryRoot.File("eng", "redocly.yaml"), "--format", "json"],
                new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            Assert.True(output.Contains('{', StringComparison.Ordinal), output + errors);
            using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity")} {p.GetProperty("ruleId")} {p.GetProperty("location")[0].GetProperty("pointer")}: {p.GetProperty("message")}").ToList();
            Assert.True(exitCode == 0 && problems.Count == 0, string.Join("\n", problems.Prepend($"redocly exited {exitCode}")));
        }
        finally
        {
            File.Delete(path);
        }

        // What a generated client relies on: the gateway as server, problem details on every refusal.
        using var document = JsonDocument.Parse(json);
        Assert.Equal("/", document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        foreach (var operation in document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()))
        {
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{operation.Name}: no 401/403");
            Assert.All(responses.EnumerateObject().Where(r => r.Name.StartsWith('4')),
                r => Assert.True(r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{r.Name} is not a problem document"));
        }
    }
}
