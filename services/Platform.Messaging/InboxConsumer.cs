using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Messaging;

/// <summary>
/// A consumer that applies each message once. In one transaction it records (MessageId, consumer) in the inbox,
/// applies the effect and writes any events it raises to the outbox. A duplicate delivery, even a concurrent one,
/// finds the inbox row (the second insert waits on the first's key, then does nothing) and has no effect.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TDbContext>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    protected ILogger Logger => logger;

    /// <summary>Name recorded in the inbox; stable across deployments.</summary>
    protected virtual string ConsumerName => GetType().Name;

    /// <summary>Applies the message's effect to <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task ApplyAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId ?? throw new InvalidMessageException("The message has no MessageId.");
        var ct = context.CancellationToken;
        Db.ChangeTracker.Clear(); // a retry starts from the database, not from a failed attempt's changes
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var firstTime = await RecordAsync((NpgsqlTransaction)transaction.GetDbTransaction(), messageId, ct);
        if (!firstTime)
        {
            // MassTransit's DI scope carries the service provider; the metrics are the host's singleton.
            if (context.TryGetPayload<IServiceProvider>(out var services) && services.GetService(typeof(MessagingMetrics)) is MessagingMetrics metrics)
            {
                metrics.DuplicateSkipped(ConsumerName);
            }

            LogDuplicate(logger, typeof(TMessage).Name, messageId, ConsumerName);
            return;
        }

        await ApplyAsync(context, ct);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private const string RecordSql = $"""
        INSERT INTO {MessagingModel.InboxTable} (message_id, consumer, processed_at) VALUES ($1, $2, $3)
        ON CONFLICT (message_id, consumer) DO NOTHING
        """;

    /// <summary>
    /// Records the message in the inbox: false when it already was. A command of Npgsql's own on the transaction's
    /// connection (auto-prepared), not EF's raw SQL, which parses its format and builds its command and parameters anew
    /// for every message (bench/README.md, event pipeline).
    /// </summary>
    private async Task<bool> RecordAsync(NpgsqlTransaction transaction, Guid messageId, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(RecordSql, transaction.Connection, transaction)
        {
            Parameters = { new() { Value = messageId }, new() { Value = ConsumerName }, new() { Value = DateTimeOffset.UtcNow } },
        };
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {MessageType} {MessageId} already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumer);
}
