using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.Contracts.Events;

namespace Platform.Messaging.Sagas;

/// <summary>A saga instance that raises integration events; they go to the outbox in the saga's own transaction.</summary>
public interface ISagaWithEvents
{
    /// <summary>Events raised while handling the current message, not yet written to the outbox.</summary>
    IList<IIntegrationEvent> PendingEvents { get; }
}

public static class PostgresSagaRepositoryRegistration
{
    /// <summary>
    /// Keeps the saga's instances in <typeparamref name="TDbContext"/>'s PostgreSQL database (the entity mapped for
    /// <typeparamref name="TSaga"/>). Each message is handled in one transaction that locks the instance's row
    /// (<c>SELECT … FOR UPDATE</c>), so concurrent messages for one instance run one after the other, each seeing the
    /// state the previous one left; the instance and the events it raised (outbox) commit together.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configurator);
        configurator.Repository(r => r.RegisterSagaRepository<TSaga, TDbContext, SagaConsumeContextFactory<TDbContext, TSaga>, PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>());
        return configurator;
    }
}

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

/// <summary>Loads (locked), inserts and updates instances through the DbContext; the factory saves and commits.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage, TDbContext> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
    where TDbContext : DbContext
{
    private readonly TDbContext db;
    private readonly ConsumeContext<TMessage> consumeContext;
    private readonly ISagaConsumeContextFactory<TDbContext, TSaga> factory;

    public PostgresSagaRepositoryContext(TDbContext db, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<TDbContext, TSaga> factory)
        : base(consumeContext)
    {
        this.db = db;
        this.consumeContext = consumeContext;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class => factory.CreateSagaConsumeContext(db, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance)
    {
        db.Set<TSaga>().Add(instance);
        return factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Add);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        db.Set<TSaga>().Add(instance);
        await db.SaveChangesAsync(CancellationToken);
        return await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await db.Set<TSaga>().FromSqlRaw(PostgresSagaSql<TSaga>.LockOne(db.Model), correlationId).SingleOrDefaultAsync(CancellationToken);
        return instance is null ? null! : await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => Flush(context);

    public Task Update(SagaConsumeContext<TSaga> context) => Flush(context);

    public Task Delete(SagaConsumeContext<TSaga> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.Set<TSaga>().Remove(context.Saga);
        return Flush(context);
    }

    public Task Discard(SagaConsumeContext<TSaga> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.Entry(context.Saga).State = EntityState.Detached;
        return Task.CompletedTask;
    }

    public Task Undo(SagaConsumeContext<TSaga> context) => Discard(context);

    private async Task Flush(SagaConsumeContext<TSaga> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Saga is ISagaWithEvents { PendingEvents: { Count: > 0 } events })
        {
            foreach (var integrationEvent in events)
            {
                db.AddIntegrationEvent(integrationEvent);
            }

            events.Clear();
        }

        await db.SaveChangesAsync(CancellationToken);
    }
}

/// <summary>The locking read, built once per saga type from the EF model (table and key column names).</summary>
internal static class PostgresSagaSql<TSaga>
{
    private static string? s_lockOne;

    public static string LockOne(IModel model)
    {
        if (s_lockOne is null)
        {
            var entity = model.FindEntityType(typeof(TSaga)) ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in the DbContext.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()?.Properties.Single() ?? throw new InvalidOperationException($"{typeof(TSaga).Name} needs a single-column key.");
            var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            // Every mapped column by name: "*" would leave out system columns such as xmin, the row version.
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName(table)}\""));
            s_lockOne = $"SELECT {columns} FROM {name} WHERE \"{key.GetColumnName(table)}\" = {{0}} FOR UPDATE";
        }

        return s_lockOne;
    }
}
