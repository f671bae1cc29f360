using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.AppHost.Servers;

internal static class LocalPostgres
{
    public static IResourceBuilder<LocalPostgresResource> Add(IDistributedApplicationBuilder builder, PlatformSettings settings,
        ServerData data, IResourceBuilder<ParameterResource> password)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        var port = settings.Port(55432);
        // The data folder is known only once resolved (it may move to /var/tmp under root): the arguments read it then.
        string? directory = null;
        var (command, prefix) = OsProcess.AsUser("postgres", Path.Combine(bin ?? "/usr/lib/postgresql/15/bin", "postgres"));
        var resource = new LocalPostgresResource("postgres", command, settings.RepositoryRoot, password.Resource);
        return builder.AddResource(resource)
            .WithIconName("DatabaseMultiple")
            .WithEndpoint(port: port, name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in prefix)
                {
                    context.Args.Add(argument);
                }

                foreach (var argument in new[] { "-D", Path.Combine(directory!, "data"), "-k", Path.Combine(directory!, "run"),
                             "-c", "listen_addresses=127.0.0.1", "-c", $"port={port.ToString(CultureInfo.InvariantCulture)}",
                             "-c", "max_connections=400", "-c", "log_min_messages=warning" })
                {
                    context.Args.Add(argument);
                }
            })
            .BeforeStart(async (logger, cancellationToken) =>
            {
                if (bin is null)
                {
                    throw new InvalidOperationException(
                        "PostgreSQL's binaries are not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql " +
                        "(./platform up does it), or choose --Platform:Servers=external with ConnectionStrings__* set.");
                }

                directory = await data.DirectoryOfAsync("postgres", cancellationToken);
                OsProcess.EnsurePortFree("postgres", port);
                await InitialiseAsync(bin, directory, await password.Resource.GetValueAsync(cancellationToken) ?? "", logger, cancellationToken);
            })
            .WithProbe(async cancellationToken =>
            {
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Timeout=3");
                await connection.OpenAsync(cancellationToken);
            })
            .OnResourceReady(async (server, e, cancellationToken) =>
            {
                var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
                // The databases of the services, created once (a second run finds them).
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
                await connection.OpenAsync(cancellationToken);
                foreach (var database in builder.Resources.OfType<LocalDatabaseResource>().Where(d => d.Parent == server))
                {
                    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.Name } } };
                    if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                    {
                        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
                        await create.ExecuteNonQueryAsync(cancellationToken);
                    }

                    // A database lives as long as its server: it runs once it exists (its own check then says healthy).
                    await notifications.PublishUpdateAsync(database, s => s with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                    });
                }
            });
    }

    public static IResourceBuilder<LocalDatabaseResource> AddDatabase(IDistributedApplicationBuilder builder,
        IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var database = new LocalDatabaseResource(name, server.Resource);
        return builder.AddResource(database)
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithProbe(async cancellationToken =>
            {
                await using var connection = new NpgsqlConnection(await database.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Timeout=3");
                await connection.OpenAsync(cancellationToken);
            });
    }

    private static async Task InitialiseAsync(string bin, string directory, string password, ILogger logger, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            {
                throw new InvalidOperationException($"{dataDirectory} is not empty but holds no PostgreSQL cluster: remove it to start afresh.");
            }

            logger.LogInformation("Initialising PostgreSQL in {Directory}", dataDirectory);
            Directory.CreateDirectory(directory);
            var passwordFile = Path.Combine(directory, ".initdb-password");
            PrivateFile.Write(passwordFile, password);
            await OsProcess.OwnAsync("postgres", directory, cancellationToken);
            try
            {
                var (command, arguments) = OsProcess.AsUser("postgres", Path.Combine(bin, "initdb"), "-D", dataDirectory,
                    "-U", LocalPostgresResource.UserName, $"--pwfile={passwordFile}", "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
                await OsProcess.RunOrThrowAsync("initdb", command, arguments, cancellationToken);
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        ServerData.CheckOwner("postgres", directory, password);
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        await OsProcess.OwnAsync("postgres", directory, cancellationToken);
    }
}
