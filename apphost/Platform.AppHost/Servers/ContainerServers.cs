namespace Platform.AppHost.Servers;

/// <summary>Aspire's container resources, where a container runtime answers (data in named volumes).</summary>
internal static class ContainerServers
{
    public static ServerSet Add(IDistributedApplicationBuilder builder, LocalSecrets secrets)
    {
        var user = builder.AddParameter("server-user", "platform");
        var postgres = builder.AddPostgres("postgres", user, secrets.Add("postgres-password"))
            .WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
        var databases = ServerSet.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        var messaging = builder.AddRabbitMQ("messaging", user, secrets.Add("rabbitmq-password"))
            .WithManagementPlugin().WithDataVolume();
        var cache = builder.AddRedis("cache", password: secrets.Add("redis-password")).WithDataVolume();
        return new ServerSet(postgres, databases, messaging, cache);
    }
}
