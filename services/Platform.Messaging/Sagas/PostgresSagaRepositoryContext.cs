using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Sagas;

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
