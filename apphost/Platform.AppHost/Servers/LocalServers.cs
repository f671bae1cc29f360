using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Servers;

/// <summary>
/// PostgreSQL, RabbitMQ (with its management plugin) and Redis from the OS's own packages, each an Aspire executable
/// resource with a connection string, a health check and its logs in the dashboard; data under <c>.local/</c>.
/// Works with no container runtime. Well-known ports (moved by <c>Platform:PortOffset</c>): PostgreSQL 15432,
/// AMQP 16672, management 16673, Erlang's port mapper 16674 and distribution 16675, Redis 16379. They lie below the
/// system's ephemeral range (32768-60999 on Linux) and the dynamic ports' (20000-32000): a port in the ephemeral range
/// can be held, at any moment, by some process's outgoing connection, and the server then cannot bind it.
/// </summary>
internal static class LocalServers
{
    public static ServerSet Add(IDistributedApplicationBuilder builder, PlatformSettings settings, LocalSecrets secrets)
    {
        var data = new ServerData(settings);
        var postgres = LocalPostgres.Add(builder, settings, data, secrets.Add("postgres-password"));
        var databases = ServerSet.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)LocalPostgres.AddDatabase(builder, postgres, name, secrets.Add($"postgres-password-{name}")));
        var messaging = LocalRabbitMq.Add(builder, settings, data, secrets.Add("rabbitmq-password"));
        var cache = LocalRedis.Add(builder, settings, data, secrets.Add("redis-password"));
        return new ServerSet(postgres, databases, messaging, cache);
    }
}
