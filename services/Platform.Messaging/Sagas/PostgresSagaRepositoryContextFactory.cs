using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Sagas;

/// <summary>Opens the transaction for one message and hands a repository context to MassTransit's saga pipe.</summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga, TDbContext>(TDbContext db, ISagaConsumeContextFactory<TDbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
    where TDbContext : DbContext
{
    public void Probe(ProbeContext context) => context?.Add("persistence", "postgresql");

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        db.ChangeTracker.Clear(); // a retry starts from the database, not from a failed attempt's changes
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T, TDbContext>(db, context, factory);
        await next.Send(repositoryContext);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Instances are found by their correlation id only: a query would have to lock every row it reads.</summary>
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"{typeof(TSaga).Name}: correlate events by id (CorrelateById); queries are not supported by this repository.");
}
