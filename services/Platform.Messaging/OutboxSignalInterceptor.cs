using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging;

/// <summary>Notifies the <see cref="OutboxSignal"/> when outbox rows become visible: after an auto-committed save or a commit.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context, committed: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context, committed: false);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private static readonly object s_pendingKey = new();

    private static void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            PendingContexts.AddOrUpdate(context, s_pendingKey);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> PendingContexts = new();

    private void Signal(DbContext? context, bool committed)
    {
        if (context is null || !PendingContexts.TryGetValue(context, out _))
        {
            return;
        }

        // Inside an explicit transaction the rows are invisible until commit: wait for it.
        if (!committed && context.Database.CurrentTransaction is not null)
        {
            return;
        }

        PendingContexts.Remove(context);
        signal.Notify();
    }
}
