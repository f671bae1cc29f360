using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without a running service or database.
/// Each service declares one: <c>internal sealed class XFactory : DesignTimeFactory&lt;XDbContext&gt;;</c>.
/// </summary>
public abstract class DesignTimeFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext> where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UsePlatformPostgres("Host=localhost").Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
