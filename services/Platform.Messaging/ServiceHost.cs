using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

public static partial class ServiceHost
{
    /// <summary>
    /// Runs a service. With <c>migrate</c> as first argument it applies the EF Core migrations and exits: that is the
    /// production path (a Kubernetes Job before the rollout). Otherwise the host runs; in Development, or when
    /// <c>Database:MigrateOnStartup</c> is true, <see cref="DatabaseMigrator{TDbContext}"/> migrates at start-up first.
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this WebApplication app, string[] args) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "migrate")
        {
            await MigrateAsync<TDbContext>(app.Services, CancellationToken.None);
            return;
        }

        if (args.Length > 0 && app.Services.GetServices<IServiceCommand>().FirstOrDefault(c => c.Name == args[0]) is { } command)
        {
            await command.RunAsync(CancellationToken.None);
            return;
        }

        await app.RunAsync();
    }

    public static async Task MigrateAsync<TDbContext>(IServiceProvider services, CancellationToken cancellationToken) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        LogMigrating(logger, typeof(TDbContext).Name, pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var step in scope.ServiceProvider.GetServices<IPostMigrationStep>())
        {
            await step.RunAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context}: applying {Count} pending migration(s)")]
    private static partial void LogMigrating(ILogger logger, string context, int count);
}

/// <summary>
/// Applies migrations when the host starts, before the bus and the outbox dispatcher (registered after it), when
/// <c>Database:MigrateOnStartup</c> is true (default: in Development only).
/// </summary>
internal sealed class DatabaseMigrator<TDbContext>(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IHostedService
    where TDbContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("Database:MigrateOnStartup", environment.IsDevelopment())
            ? ServiceHost.MigrateAsync<TDbContext>(services, cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Work that must follow the migrations before the service serves (moving data the schema change left behind).</summary>
public interface IPostMigrationStep
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A maintenance command of a service: <c>dotnet Platform.X.dll {Name}</c> runs it and exits.</summary>
public interface IServiceCommand
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
