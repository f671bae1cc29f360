using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>
/// A run never waits forever: if a resource fails to start, exits during start-up, or is not healthy within
/// <c>Platform:StartTimeout</c>, the watchdog names it (and its last health report) and stops the whole run, so
/// nothing is left half-started. Parameters and the demo loader (which exits when done) are not watched.
/// </summary>
internal sealed class StartWatchdog(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime,
    ILogger<StartWatchdog> logger,
    PlatformSettings settings)
{
    private static readonly string[] s_failed = [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.RuntimeUnhealthy];

    /// <summary>True once every watched resource is healthy; false when the run failed to start.</summary>
    public Task<bool> Healthy { get; private set; } = Task.FromResult(false);

    /// <summary>Starts watching (on the AppHost's BeforeStart event, so it sees every resource from the start).</summary>
    public void Start()
    {
        Healthy = Task.Run(() => WatchAsync(lifetime.ApplicationStopping));
        _ = Task.Run(() => WatchDemoDataAsync(lifetime.ApplicationStopping));
    }

    /// <summary>The demo loader runs once and exits: its outcome is said here, its details are in its console logs.</summary>
    private async Task WatchDemoDataAsync(CancellationToken stoppingToken)
    {
        if (!model.Resources.Any(r => r.Name == "demo-data"))
        {
            return;
        }

        try
        {
            var done = await notifications.WaitForResourceAsync("demo-data",
                e => e.Snapshot.State?.Text is var s && (s == KnownResourceStates.Finished || s == KnownResourceStates.Exited || s == KnownResourceStates.FailedToStart),
                stoppingToken);
            if (done.Snapshot.ExitCode is 0)
            {
                logger.LogInformation("demo-data is loaded: the demo territory (Pays de Laval) is ready to explore.");
            }
            else if (!Failed) // when the run did not start, the loader never ran: that is said already
            {
                logger.LogError("demo-data failed{Reason}: see its console logs in the dashboard.", Reason(done.Snapshot));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> WatchAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Starting the platform ({Mode} servers); each resource reports here as it becomes healthy.", settings.Servers);
        var pending = model.Resources
            .Where(r => r is ExecutableResource or ProjectResource or ContainerResource or IResourceWithParent)
            .Where(r => r.Name != "demo-data")
            // Not started with the run: explicit-start resources, and the "<project>-rebuilder" Aspire adds per project.
            .Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any() && r.GetType().Name != "ProjectRebuilderResource")
            .Select(r => r.Name).ToHashSet();
        var lastReport = new Dictionary<string, string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.StartTimeout);
        try
        {
            await foreach (var e in notifications.WatchAsync(timeout.Token))
            {
                var name = e.Resource.Name;
                if (!pending.Contains(name))
                {
                    continue;
                }

                var state = e.Snapshot.State?.Text;
                if (state is not null && s_failed.Contains(state))
                {
                    Fail($"{name} is {state} during start-up{Reason(e.Snapshot)}; see its logs in the dashboard (Console logs, {name}).");
                    return false;
                }

                if (e.Snapshot.HealthReports.FirstOrDefault(r => r.Status != HealthStatus.Healthy) is { } report)
                {
                    lastReport[name] = report.Description ?? report.ExceptionText ?? report.Status?.ToString() ?? "";
                }

                if (state == KnownResourceStates.Running && e.Snapshot.HealthStatus is HealthStatus.Healthy)
                {
                    pending.Remove(name);
                    logger.LogInformation("{Resource} is healthy ({Elapsed:0.0} s)", name, clock.Elapsed.TotalSeconds);
                    if (pending.Count == 0)
                    {
                        logger.LogInformation("Every resource is healthy ({Elapsed:0.0} s).", clock.Elapsed.TotalSeconds);
                        return true;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var names = string.Join(", ", pending.Order(StringComparer.Ordinal).Select(n =>
                lastReport.TryGetValue(n, out var why) && why.Length > 0 ? $"{n} ({why})" : n));
            Fail($"not healthy within {settings.StartTimeout.TotalSeconds:0} s: {names}. Raise Platform:StartTimeout if the machine is slow.");
        }

        return false;
    }

    private static string Reason(CustomResourceSnapshot snapshot) =>
        snapshot.ExitCode is { } code ? $" (exit code {code})" : "";

    /// <summary>True when the run failed to start (the AppHost then exits with 1).</summary>
    public bool Failed { get; private set; }

    private void Fail(string message)
    {
        logger.LogError("The platform did not start: {Reason} Stopping every resource.", message);
        Failed = true;
        lifetime.StopApplication();
    }
}
