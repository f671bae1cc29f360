using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Publishes the outbox of one service database. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// replicas share the work; each is published with its stored MessageId and marked sent in the same transaction.
/// If the process dies between publish and commit, the row is published again after restart with the same
/// MessageId, and the consumers' inbox drops the duplicate: delivery is at least once, effect exactly once.
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IBus bus,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    MessagingMetrics metrics,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    internal static readonly ActivitySource s_activitySource = new("Platform.Messaging");
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                await CleanupIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                metrics.DispatchFailed(MessagingMetrics.Unavailable);
                LogDispatchFailed(logger, ex, failures);
                // Broker or database down: back off up to 30 s, the rows stay pending.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7)))), time, stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (published < options.Value.BatchSize)
            {
                await ((Task)signal.WaitAsync(options.Value.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes one batch of pending rows; returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                SELECT id, message_id, message_type, payload, occurred_at, sent_at, attempts, last_error, trace_parent
                FROM outbox_messages
                WHERE sent_at IS NULL AND attempts < {options.Value.MaxAttempts}
                ORDER BY id
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // The batch is published at once and its confirms awaited together: one publication awaiting its confirm before
        // the next starts spends a broker round trip per event (about 650 events/s in bench/pipeline-benchmark.sh).
        // Order within a batch is not kept; consumers never relied on it (several run at once, and each applies an
        // event the same whatever the order: docs/architecture.md).
        var publications = new List<Task>(batch.Count);
        var sent = new List<long>(batch.Count);
        foreach (var row in batch)
        {
            if (!IntegrationEventTypes.TryResolve(row.MessageType, out var type))
            {
                metrics.DispatchFailed(MessagingMetrics.UnknownType);
                LogUnknownType(logger, row.Id, row.MessageType);
                var error = $"Unknown event type {row.MessageType}";
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {error} WHERE id = {row.Id}", cancellationToken);
                continue;
            }

            publications.Add(PublishAsync(row, type, cancellationToken));
            sent.Add(row.Id);
        }

        await Task.WhenAll(publications);
        if (sent.Count > 0)
        {
            // One statement for the batch, not one per row.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE outbox_messages SET sent_at = {time.GetUtcNow()}, attempts = attempts + 1, last_error = NULL
                WHERE id = ANY({sent.ToArray()})
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (sent.Count > 0)
        {
            metrics.Published(sent.Count);
            LogPublished(logger, sent.Count);
        }

        return sent.Count;
    }

    private async Task PublishAsync(OutboxMessage row, Type type, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize(row.Payload, type, Outbox.s_json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using (s_activitySource.StartActivity("outbox publish", ActivityKind.Producer, parent))
        {
            await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, cancellationToken);
        }
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddHours(1);
        var before = now - options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Set<OutboxMessage>().Where(m => m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox: published {Count} event(s)")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: dispatch failed ({Failures} in a row); the events stay pending")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: row {Id} has unknown event type {Type}; it is set aside")]
    private static partial void LogUnknownType(ILogger logger, long id, string type);
}
