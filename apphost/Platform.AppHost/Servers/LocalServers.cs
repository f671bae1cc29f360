using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Servers;

/// <summary>
/// PostgreSQL, RabbitMQ (with its management plugin) and Redis from the OS's own packages, each an Aspire executable
/// resource with a connection string, a health check and its logs in the dashboard; data under <c>.local/</c>.
/// Works with no container runtime. Well-known ports (moved by <c>Platform:PortOffset</c>): PostgreSQL 55432,
/// AMQP 55672, management 55673, Erlang's port mapper 55674 and distribution 55675, Redis 56379.
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
