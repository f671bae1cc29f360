using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        // The official geography, which every door checks commune codes against, loads while the host starts rather
        // than on the first request that needs it (about 180 ms; docs/geography.md).
        _ = Task.Run(() => Platform.Geography.FranceGeography.Official);
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
