using System.Globalization;
using StackExchange.Redis;

namespace Platform.AppHost.Servers;

internal static class LocalRedis
{
    public static IResourceBuilder<LocalRedisResource> Add(IDistributedApplicationBuilder builder, PlatformSettings settings,
        ServerData data, IResourceBuilder<ParameterResource> password)
    {
        var port = settings.Port(16379);
        string? directory = null;
        // Redis reads its settings (the password among them) from a file of the run, never from its command line.
        var resource = new LocalRedisResource("cache", "redis-server", settings.RepositoryRoot, password.Resource);
        return builder.AddResource(resource)
            .WithIconName("Memory")
            .WithEndpoint(port: port, name: "tcp", scheme: "redis", isProxied: false)
            .WithArgs(context => context.Args.Add(Path.Combine(directory!, "redis.conf")))
            .BeforeStart(async (_, cancellationToken) =>
            {
                directory = await data.DirectoryOfAsync("redis", cancellationToken);
                OsProcess.EnsurePortFree("cache", port);
                Directory.CreateDirectory(directory);
                var conf = Path.Combine(directory, "redis.conf");
                PrivateFile.Write(conf, $"""
                    bind 127.0.0.1
                    port {port.ToString(CultureInfo.InvariantCulture)}
                    dir {directory}
                    requirepass {await password.Resource.GetValueAsync(cancellationToken)}
                    appendonly yes
                    daemonize no
                    """);
            })
            .WithProbe(async cancellationToken =>
            {
                var options = ConfigurationOptions.Parse(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "");
                options.AbortOnConnectFail = true;
                options.ConnectTimeout = 3000;
                await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
                await redis.GetDatabase().PingAsync();
            });
    }
}
