using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Every 15 s, counts the outbox's pending rows (through its partial index on pending rows) for the
/// <c>platform.outbox.*</c> gauges of <see cref="MessagingMetrics"/>.
/// </summary>
internal sealed partial class OutboxBacklogMonitor<TDbContext>(
    IServiceScopeFactory scopes, MessagingMetrics metrics, IOptions<OutboxOptions> options, ILogger<OutboxBacklogMonitor<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                metrics.Backlog = await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreadable(logger, ex.GetType().Name); // the database is down: readiness says so already
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<OutboxBacklog> SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var max = options.Value.MaxAttempts;
        var rows = await db.Database.SqlQuery<OutboxBacklog>($"""
            SELECT count(*) FILTER (WHERE attempts < {max}) AS pending, count(*) FILTER (WHERE attempts >= {max}) AS set_aside,
                   min(occurred_at) FILTER (WHERE attempts < {max}) AS oldest_pending
            FROM outbox_messages WHERE sent_at IS NULL
            """).ToListAsync(cancellationToken);
        return rows[0];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox backlog not read this time ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string error);
}
