namespace Platform.Missions.Scheduling;

/// <summary>Runs the gap scan at start-up and every <see cref="CoverageGapOptions.ScanInterval"/>.</summary>
public sealed class CoverageGapWatch(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<CoverageGapOptions> options,
    ILogger<CoverageGapWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MissionsDbContext>();
                var scan = await CoverageGapScanner.ScanAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), options.Value.NoticeDays, time, stoppingToken);
                if (scan.Detected + scan.Filled > 0)
                {
                    logger.LogInformation("Coverage gaps up to {Horizon}: {Detected} detected, {Filled} filled", scan.Horizon, scan.Detected, scan.Filled);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Coverage gap scan failed; it runs again in {Interval}", options.Value.ScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
