using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// A run of the platform's AppHost, through Aspire.Hosting.Testing: the topology developers run is the topology the
/// tests run. Each run has its own data folder (fresh servers, fresh secrets) and free ports, so runs never meet a
/// developer's stack, nor each other. Disposed, it stops every process it started and removes its data.
/// </summary>
public sealed class PlatformRun : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;
    private readonly CapturedLogs _logs;

    private PlatformRun(DistributedApplication app, string dataDirectory, bool ownsDataDirectory, CapturedLogs logs)
    {
        _logs = logs;
        App = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public DistributedApplication App { get; }

    /// <summary>The run's data folder; its secrets (keys, passwords) are in <c>secrets/</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// Starts the AppHost with <paramref name="settings"/> (Platform:* settings, e.g. <c>Only=servers</c>), lets
    /// <paramref name="configure"/> adjust the model before it runs, and waits until <paramref name="healthy"/> are
    /// (none: returns once started). A <paramref name="dataDirectory"/> given is kept; otherwise the run has a new one,
    /// removed when it is disposed.
    /// </summary>
    public static async Task<PlatformRun> StartAsync(IReadOnlyDictionary<string, string> settings, string[] healthy,
        Action<IDistributedApplicationTestingBuilder>? configure = null, TimeSpan? timeout = null, string? dataDirectory = null)
    {
        var owned = dataDirectory is null;
        dataDirectory ??= NewDataDirectory();
        Directory.CreateDirectory(dataDirectory);
        string[] args =
        [
            "--Platform:Servers=local", "--Platform:DynamicPorts=true", $"--Platform:DataDirectory={dataDirectory}",
            "--Platform:DemoData=false", .. settings.Select(s => $"--Platform:{s.Key}={s.Value}"),
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(args);
        var logs = new CapturedLogs();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        configure?.Invoke(builder);
        var app = await builder.BuildAsync();
        var run = new PlatformRun(app, dataDirectory, owned, logs);
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await app.StartAsync(deadline.Token);
            await Task.WhenAll(healthy.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, deadline.Token)));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await run.DisposeAsync();
            throw new TimeoutException($"The platform was not healthy within {(timeout ?? TimeSpan.FromMinutes(3)).TotalSeconds} s (waiting for {string.Join(", ", healthy)}).");
        }
        catch (OperationCanceledException) when (healthy.Length == 0)
        {
            // The AppHost stopped the run itself (its start watchdog): the caller looks at why.
        }
        catch (OperationCanceledException)
        {
            await run.DisposeAsync();
            var said = string.Join('\n', logs.Lines.Where(l => l.Category is "Platform" || l.Category.EndsWith("StartWatchdog", StringComparison.Ordinal))
                .Select(l => l.Message));
            throw new InvalidOperationException($"The AppHost stopped the run during start-up; it said:\n{said}");
        }

        return run;
    }

    /// <summary>A data folder for a run, under the system's temporary folder.</summary>
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>
    /// Waits for a log line of the run (the AppHost's own, or a resource's console, which Aspire.Hosting.Testing
    /// forwards as category <c>….Resources.{name}</c>) whose category and text match; kept even after the run stopped.
    /// </summary>
    public async Task<string> WaitForLogAsync(Func<string, string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_logs.Lines.FirstOrDefault(l => match(l.Category, l.Message)) is { Message: { } found })
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No matching log line within {timeout.TotalSeconds} s; the run logged:\n" +
            string.Join('\n', _logs.Lines.Select(l => $"{l.Category}: {l.Message}")));
    }

    /// <summary>A secret of the run (an API key, the identity key…), as the AppHost generated it.</summary>
    public string Secret(string name) => File.ReadAllText(Path.Combine(DataDirectory, "secrets", name)).Trim();

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>The operating-system process of a resource (for projects, the <c>dotnet</c> that runs it), as Aspire reports it.</summary>
    public int ProcessId(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            throw new InvalidOperationException($"No resource {resource}.");
        }

        return state.Snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            var other => throw new InvalidOperationException($"{resource} reports no process id ({other ?? "none"})."),
        };
    }

    /// <summary>Kills a resource's process tree at once (SIGKILL: no graceful stop, in-flight work is cut).</summary>
    public async Task KillAsync(string resource)
    {
        using var process = System.Diagnostics.Process.GetProcessById(ProcessId(resource));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is var s && (s == KnownResourceStates.Exited || s == KnownResourceStates.Finished || s == KnownResourceStates.FailedToStart),
            timeout.Token);
    }

    /// <summary>Starts a stopped resource again, as the dashboard's Start button does, and waits until it is healthy.</summary>
    public async Task StartAsync(string resource)
    {
        var commands = (ResourceCommandService)App.Services.GetService(typeof(ResourceCommandService))!;
        var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{resource} did not start again: {result.Message}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be closing a file; the folder is under the system's temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
