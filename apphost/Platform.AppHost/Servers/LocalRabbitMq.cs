using System.Globalization;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Platform.AppHost.Servers;

internal static class LocalRabbitMq
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static IResourceBuilder<LocalRabbitMqResource> Add(IDistributedApplicationBuilder builder, PlatformSettings settings,
        ServerData data, IResourceBuilder<ParameterResource> password)
    {
        var amqp = settings.Port(16672);
        var management = settings.Port(16673);
        var epmdPort = settings.Port(16674);
        var distribution = settings.Port(16675);
        string? directory = null;

        // Erlang's port mapper of this run, on a port of its own: the broker would otherwise start a shared one
        // (on 4369) that outlives the run.
        var epmd = builder.AddExecutable("messaging-epmd", "epmd", settings.RepositoryRoot,
                "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithIconName("PlugConnected")
            .BeforeStart((_, _) =>
            {
                OsProcess.EnsurePortFree("messaging-epmd", epmdPort);
                return Task.CompletedTask;
            })
            .WithProbe(async cancellationToken =>
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, epmdPort, cancellationToken);
            });

        var (command, prefix) = OsProcess.AsUser("rabbitmq", Server);
        var resource = new LocalRabbitMqResource("messaging", command, settings.RepositoryRoot, password.Resource);
        return builder.AddResource(resource)
            .WithIconName("Mailbox")
            .WithEndpoint(port: amqp, name: "tcp", scheme: "amqp", isProxied: false)
            .WithHttpEndpoint(port: management, name: "management", isProxied: false)
            .WithArgs(prefix)
            .WithEnvironment(context =>
            {
                var node = $"platform-{amqp.ToString(CultureInfo.InvariantCulture)}@localhost";
                var env = context.EnvironmentVariables;
                env["HOME"] = directory!; // the Erlang cookie lives there
                env["RUNNING_UNDER_SYSTEMD"] = "true"; // the script execs the VM: the process Aspire stops is the broker
                env["RABBITMQ_NODENAME"] = node;
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory!, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(directory!, "log");
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory!, "rabbitmq.conf");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory!, "enabled_plugins");
                env["RABBITMQ_PID_FILE"] = Path.Combine(directory!, "rabbit.pid");
                env["RABBITMQ_DIST_PORT"] = distribution.ToString(CultureInfo.InvariantCulture);
                env["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
            })
            .WaitFor(epmd)
            .BeforeStart(async (logger, cancellationToken) =>
            {
                if (!File.Exists(Server))
                {
                    throw new InvalidOperationException(
                        $"RabbitMQ is not installed (no {Server}): apt-get install rabbitmq-server (./platform up does it), " +
                        "or choose --Platform:Servers=external with ConnectionStrings__messaging set.");
                }

                directory = await data.DirectoryOfAsync("rabbitmq", cancellationToken);
                OsProcess.EnsurePortFree("messaging", amqp);
                OsProcess.EnsurePortFree("messaging (management)", management);
                OsProcess.EnsurePortFree("messaging (distribution)", distribution);
                var secret = await password.Resource.GetValueAsync(cancellationToken) ?? "";
                Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
                Directory.CreateDirectory(Path.Combine(directory, "log"));
                ServerData.CheckOwner("messaging", directory, secret);
                // The default user is created with the node's database, on the first run; later runs keep it.
                PrivateFile.Write(Path.Combine(directory, "rabbitmq.conf"), $"""
                    listeners.tcp.default = 127.0.0.1:{amqp}
                    management.tcp.ip = 127.0.0.1
                    management.tcp.port = {management}
                    loopback_users.guest = true
                    default_user = {LocalRabbitMqResource.UserName}
                    default_pass = {secret}
                    default_user_tags.administrator = true
                    default_permissions.configure = .*
                    default_permissions.read = .*
                    default_permissions.write = .*
                    log.console = true
                    log.console.level = warning
                    log.file = false
                    """);
                await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
                await OsProcess.OwnAsync("rabbitmq", directory, cancellationToken);
                logger.LogInformation("RabbitMQ data in {Directory}", directory);
            })
            .WithProbe(async cancellationToken =>
            {
                var uri = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                var factory = new ConnectionFactory { Uri = new Uri(uri!), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
                try
                {
                    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                }
                catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e) when (e.InnerException is RabbitMQ.Client.Exceptions.AuthenticationFailureException)
                {
                    throw new InvalidOperationException(
                        $"RabbitMQ refused user {LocalRabbitMqResource.UserName}: its data ({directory}) was made with another password. " +
                        "Remove that folder to start afresh.", e);
                }
            });
    }
}
