using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Messaging;

public static class ServiceDatabase
{
    /// <summary>Statements each connection keeps prepared when the connection string does not say (<c>Max Auto Prepare</c>).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>The options every service database uses: Npgsql, snake_case names, one migrations history table name.</summary>
    public static DbContextOptionsBuilder UsePlatformPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless it sets <c>Max Auto Prepare</c> itself (0
    /// turns it off, e.g. behind a pooler in transaction mode). A statement run five times on a connection is prepared
    /// there and PostgreSQL no longer parses and plans it: a fifth less database CPU per event in the pipeline
    /// (bench/pipeline-benchmark.sh). The services' queries name their columns, so a migration that adds one does not
    /// invalidate a prepared statement's result type.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
