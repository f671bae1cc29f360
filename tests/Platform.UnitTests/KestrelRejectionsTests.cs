using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;

namespace Platform.UnitTests;

/// <summary>A real Kestrel with the rejection middleware: its own refusals get a problem body, everything else is untouched.</summary>
public sealed class KestrelRejectionsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, KestrelRejections.Use));
        _app = builder.Build();
        _app.MapGet("/ok", () => "fine");
        _app.MapGet("/problem", () => Results.Problem(statusCode: 401, title: "No key."));
        _app.MapGet("/empty", () => Results.StatusCode(404));
        _app.MapGet("/big", () => new string('x', 200_000));
        _app.MapGet("/big-error", () => Results.Text(new string('y', 200_000), statusCode: 404));
        _app.MapGet("/streamed-error", async (HttpResponse response) =>
        {
            response.StatusCode = 503;
            for (var i = 0; i < 50; i++)
            {
                await response.WriteAsync(new string('z', 1000));
                await response.Body.FlushAsync();
            }
        });
        await _app.StartAsync();
        _port = new Uri(_app.Urls.First()).Port;
    }

    [Theory]
    [InlineData("/ok", 200, "fine")]
    [InlineData("/problem", 401, "No key.")]
    [InlineData("/empty", 404, "")]
    public async Task Responses_of_the_app_pass_through_unchanged(string path, int status, string contains)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        for (var i = 0; i < 3; i++) // the same connection, several responses
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(200_000, (await http.GetStringAsync("/big")).Length);
        using var bigError = await http.GetAsync("/big-error");
        Assert.Equal(new string('y', 200_000), await bigError.Content.ReadAsStringAsync());
        using var streamed = await http.GetAsync("/streamed-error");
        Assert.Equal(503, (int)streamed.StatusCode);
        Assert.Equal(new string('z', 50_000), await streamed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET /o\0k HTTP/1.1\r\nHost: x\r\n\r\n", 400)]
    [InlineData("GET /ok HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n", 400)]
    public async Task A_request_kestrel_refuses_gets_a_problem_body(string raw, int status)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(raw));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        var parts = response.Split("\r\n\r\n", 2);
        Assert.StartsWith($"HTTP/1.1 {status} ", parts[0], StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", parts[0], StringComparison.Ordinal);
        Assert.Equal(status, JsonDocument.Parse(parts[1]).RootElement.GetProperty("status").GetInt32());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
