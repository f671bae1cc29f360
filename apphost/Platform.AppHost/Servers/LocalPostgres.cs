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
        var port = settings.Port(15432);
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
                    await OwnDatabaseAsync(connection, connectionString!, database, cancellationToken);

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
        IResourceBuilder<LocalPostgresResource> server, string name, IResourceBuilder<ParameterResource> password)
    {
        var database = new LocalDatabaseResource(name, server.Resource, password.Resource);
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

    /// <summary>
    /// The database, its role (login, no other right), and the role as owner of the database, its schema and every
    /// object in it (a database made by an earlier version belonged to the server's user); no one else may connect.
    /// </summary>
    private static async Task OwnDatabaseAsync(NpgsqlConnection server, string serverConnectionString, LocalDatabaseResource database, CancellationToken ct)
    {
        var role = database.Role;
        var password = (await database.Password.GetValueAsync(ct) ?? "").Replace("'", "''", StringComparison.Ordinal);
        await ExecuteAsync(server, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE "{role}" LOGIN; END IF;
            END $$;
            ALTER ROLE "{role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}';
            """, ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server) { Parameters = { new() { Value = database.Name } } })
        {
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\" OWNER \"{role}\"", ct);
            }
        }

        await ExecuteAsync(server, $"""
            ALTER DATABASE "{database.Name}" OWNER TO "{role}";
            REVOKE ALL ON DATABASE "{database.Name}" FROM PUBLIC;
            GRANT CONNECT, TEMPORARY ON DATABASE "{database.Name}" TO "{role}";
            """, ct);
        await using var inside = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database.Name }.ConnectionString);
        await inside.OpenAsync(ct);
        await ExecuteAsync(inside, $"""
            ALTER SCHEMA public OWNER TO "{role}";
            DO $$ DECLARE o record; BEGIN
              FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> '{role}' LOOP
                EXECUTE format('ALTER TABLE public.%I OWNER TO "{role}"', o.relname);
              END LOOP;
              FOR o IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> '{role}'
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
                EXECUTE format('ALTER SEQUENCE public.%I OWNER TO "{role}"', o.relname);
              END LOOP;
            END $$;
            """, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
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
