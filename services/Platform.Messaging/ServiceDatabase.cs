using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

public static class ServiceDatabase
{
    /// <summary>The options every service database uses: Npgsql, snake_case names, one migrations history table name.</summary>
    public static DbContextOptionsBuilder UsePlatformPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }
}
