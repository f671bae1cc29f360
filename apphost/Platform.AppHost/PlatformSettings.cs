using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>Where the servers come from (setting <c>Platform:Servers</c>).</summary>
internal enum ServerMode
{
    /// <summary>The OS's own PostgreSQL, RabbitMQ and Redis binaries, run as Aspire executable resources.</summary>
    Local,

    /// <summary>Aspire's container resources (<c>AddPostgres</c>, <c>AddRabbitMQ</c>, <c>AddRedis</c>).</summary>
    Containers,

    /// <summary>Existing servers, from <c>ConnectionStrings__*</c> in the configuration.</summary>
    External,
}

/// <summary>
/// The settings of a run, from the AppHost's configuration (command line <c>--Platform:X=…</c>, environment
/// <c>Platform__X</c>, user secrets):
/// <list type="bullet">
/// <item><c>Platform:Servers</c>: <c>local</c>, <c>containers</c> or <c>external</c>; by default containers when a
/// container runtime answers, else local.</item>
/// <item><c>Platform:DataDirectory</c>: where local servers keep their data and the generated secrets live
/// (default <c>.local</c> at the repository root).</item>
/// <item><c>Platform:PortOffset</c>: added to every well-known port (gateway 5000/5002, servers 15432…), so two
/// checkouts run side by side.</item>
/// <item><c>Platform:DynamicPorts</c>: every port picked free at start (the tests).</item>
/// <item><c>Platform:DemoData</c>: load the demo territory once the stack is healthy (default true).</item>
/// <item><c>Platform:Only</c>: <c>servers</c> starts the servers alone (the integration tests, the benchmarks).</item>
/// <item><c>Platform:Dashboard</c>: <c>false</c> runs without the dashboard (scripts).</item>
/// <item><c>Platform:StartTimeout</c>: how long a server may take to become healthy before the run stops (default 120 s).</item>
/// </list>
/// </summary>
internal sealed class PlatformSettings
{
    private readonly bool _dynamicPorts;
    private readonly HashSet<int> _given = [];
    private readonly int _portOffset;

    public PlatformSettings(IConfiguration configuration, string repositoryRoot)
    {
        var section = configuration.GetSection("Platform");
        RepositoryRoot = repositoryRoot;
        DataDirectory = Path.GetFullPath(section["DataDirectory"] is { Length: > 0 } dir ? dir : ".local", repositoryRoot);
        _portOffset = section.GetValue("PortOffset", 0);
        _dynamicPorts = section.GetValue("DynamicPorts", false);
        DemoData = section.GetValue("DemoData", true);
        ServersOnly = string.Equals(section["Only"], "servers", StringComparison.OrdinalIgnoreCase);
        StartTimeout = TimeSpan.FromSeconds(section.GetValue("StartTimeout", 120));
        Servers = section["Servers"] switch
        {
            null or "" or "auto" => ContainerRuntime.Answers() ? ServerMode.Containers : ServerMode.Local,
            var value when Enum.TryParse<ServerMode>(value, ignoreCase: true, out var mode) => mode,
            var value => throw new InvalidOperationException(
                $"Platform:Servers is '{value}'; expected local, containers, external or auto."),
        };
    }

    /// <summary>A Platform:* setting read before the builder exists (command line, then environment).</summary>
    public static string? Early(string[] args, string key) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()[$"Platform:{key}"];

    public string RepositoryRoot { get; }

    public string DataDirectory { get; }

    public ServerMode Servers { get; }

    public bool DemoData { get; }

    public bool ServersOnly { get; }

    public TimeSpan StartTimeout { get; }

    /// <summary>A well-known port moved by <c>Platform:PortOffset</c>, or a free one with <c>Platform:DynamicPorts</c>.</summary>
    public int Port(int wellKnown)
    {
        if (!_dynamicPorts)
        {
            return wellKnown + _portOffset;
        }

        // A free port below the system's ephemeral range (32768 and up on Linux), where nothing is given out at random:
        // a port picked there could be taken, before the server binds it, by the orchestrator's own proxies.
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            if (!_given.Add(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: another one
            }
        }
    }
}
