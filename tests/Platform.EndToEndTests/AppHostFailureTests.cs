using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// When a server cannot start, the AppHost names the resource and why, and stops the run instead of waiting forever.
/// </summary>
public class AppHostFailureTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_port_already_taken_is_named_with_its_resource_and_the_run_stops()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        // PostgreSQL's well-known port moved onto the taken one (the others move by as much).
        await using var run = await PlatformRun.StartAsync(new Dictionary<string, string>
        {
            ["Only"] = "servers", ["DynamicPorts"] = "false", ["PortOffset"] = (port - 15432).ToString(CultureInfo.InvariantCulture),
        }, healthy: []);

        // The resource's own log says why; the AppHost names it and stops the run.
        var why = await run.WaitForLogAsync((category, line) => category.EndsWith(".postgres", StringComparison.Ordinal) && line.Contains("already in use", StringComparison.Ordinal), s_wait);
        Assert.Contains($"port {port}", why);
        Assert.Contains("PortOffset", why); // and how to move the ports
        var verdict = await run.WaitForLogAsync((category, line) => category.EndsWith("StartWatchdog", StringComparison.Ordinal) && line.Contains("did not start", StringComparison.Ordinal), s_wait);
        Assert.Contains("postgres", verdict);
    }

    [Fact]
    public async Task Data_made_with_another_password_is_named_and_nothing_starts_on_it()
    {
        var data = PlatformRun.NewDataDirectory();
        try
        {
            await using (await PlatformRun.StartAsync(new Dictionary<string, string> { ["Only"] = "servers" }, ["postgres"], dataDirectory: data))
            {
            }

            // The secrets are lost (or belong to another checkout); the servers' data stays.
            await File.WriteAllTextAsync(Path.Combine(data, "secrets", "postgres-password"), "another-password-entirely");

            await using var second = await PlatformRun.StartAsync(new Dictionary<string, string> { ["Only"] = "servers" }, healthy: [], dataDirectory: data);
            var why = await second.WaitForLogAsync((category, line) => category.EndsWith(".postgres", StringComparison.Ordinal) && line.Contains("another password", StringComparison.Ordinal), s_wait);
            Assert.Contains("Remove that folder", why);
            var verdict = await second.WaitForLogAsync((category, line) => category.EndsWith("StartWatchdog", StringComparison.Ordinal) && line.Contains("did not start", StringComparison.Ordinal), s_wait);
            Assert.Contains("postgres", verdict);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
