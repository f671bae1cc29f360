using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Testing;

/// <summary>
/// A real Chromium (Debian's <c>chromium</c>), headless, driven through <c>chromedriver</c> over the W3C WebDriver
/// protocol. Enough for a page test: open a URL, type, click, read text, run a script.
/// </summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";
    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _session;

    private HeadlessBrowser(Process driver, HttpClient http, string session)
    {
        _driver = driver;
        _http = http;
        _session = session;
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") ?? "/usr/bin/chromium";

    public static string DriverPath => Environment.GetEnvironmentVariable("PLATFORM_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    public static async Task<HeadlessBrowser> StartAsync()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException($"Chromium ({ChromiumPath}) and chromedriver ({DriverPath}) are needed: apt-get install chromium chromium-driver (./platform test does it).");
        }

        var port = FreePort();
        var driver = Process.Start(new ProcessStartInfo(DriverPath, [$"--port={port}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.ConnectionClose = true; // chromedriver closes idle connections on its own
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                try
                {
                    return (await http.GetFromJsonAsync<JsonElement>("status")).GetProperty("value").GetProperty("ready").GetBoolean();
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, ready => ready, TimeSpan.FromSeconds(20));
            var capabilities = new
            {
                capabilities = new
                {
                    alwaysMatch = new Dictionary<string, object>
                    {
                        ["browserName"] = "chrome",
                        ["goog:chromeOptions"] = new
                        {
                            binary = ChromiumPath,
                            args = new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--window-size=1400,1000" },
                        },
                    },
                },
            };
            var created = await Send(http, HttpMethod.Post, "session", capabilities);
            return new HeadlessBrowser(driver, http, created!["sessionId"]!.GetValue<string>());
        }
        catch
        {
            driver.Kill(true);
            driver.Dispose();
            http.Dispose();
            throw;
        }
    }

    public Task NavigateAsync(Uri url) => Send(_http, HttpMethod.Post, $"session/{_session}/url", new { url = url.ToString() });

    /// <summary>Runs a script in the page and returns its result as JSON (a script returns with <c>return</c>).</summary>
    public async Task<JsonNode?> ExecuteAsync(string script, params object[] args) =>
        await Send(_http, HttpMethod.Post, $"session/{_session}/execute/sync", new { script, args });

    /// <summary>The text of the first element matching a CSS selector, or null when there is none.</summary>
    public async Task<string?> TextAsync(string css) =>
        (await ExecuteAsync("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css))?.GetValue<string>();

    public async Task TypeAsync(string css, string text) =>
        await Send(_http, HttpMethod.Post, $"session/{_session}/element/{await FindAsync(css)}/value", new { text });

    public async Task ClickAsync(string css) =>
        await Send(_http, HttpMethod.Post, $"session/{_session}/element/{await FindAsync(css)}/click", new { });

    private async Task<string> FindAsync(string css) =>
        (await Send(_http, HttpMethod.Post, $"session/{_session}/element", new { @using = "css selector", value = css }))![ElementKey]!.GetValue<string>();

    private static async Task<JsonNode?> Send(HttpClient http, HttpMethod method, string path, object? body)
    {
        // chromedriver does not read chunked bodies: send a sized one.
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"WebDriver {method} {path}: {(int)response.StatusCode} {json?["value"]?["message"]}");
        }

        return json?["value"];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Send(_http, HttpMethod.Delete, $"session/{_session}", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            // the driver is killed below either way
        }

        _driver.Kill(true);
        await _driver.WaitForExitAsync();
        _driver.Dispose();
        _http.Dispose();
    }
}
