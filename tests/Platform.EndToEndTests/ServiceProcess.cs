using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>One host of the platform run as a real process (<c>dotnet Platform.X.dll</c>), as ./platform up runs it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly string s_configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _log;
    private Process? _process;

    public ServiceProcess(string name, string projectDirectory, IReadOnlyDictionary<string, string> environment, int httpPort)
    {
        Name = name;
        HttpPort = httpPort;
        var project = Path.GetFileName(projectDirectory);
        _dll = Path.Combine(projectDirectory, "bin", s_configuration, "net10.0", project + ".dll");
        _environment = environment;
        _log = RepositoryRoot.File("artifacts", "e2e-logs", $"{name}-{httpPort}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(_log)!);
    }

    public string Name { get; }

    public int HttpPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The HTTP/2 (gRPC) endpoint, for a process that has one.</summary>
    public Uri? GrpcAddress { get; init; }

    public async Task StartAsync()
    {
        if (!File.Exists(_dll))
        {
            throw new FileNotFoundException($"{_dll} is not built; build Platform.Tests.slnf first.");
        }

        var start = new ProcessStartInfo("dotnet", [_dll])
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(_log, append: true) { AutoFlush = true };
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitHealthyAsync();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {_log}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy within 60 s; see {_log}");
    }

    /// <summary>Kills the process at once (SIGKILL): no graceful shutdown, in-flight work is cut.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
