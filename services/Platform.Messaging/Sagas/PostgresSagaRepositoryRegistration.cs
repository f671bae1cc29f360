using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Sagas;

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
