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
    /// Runs a service. <c>migrate</c> as first argument applies the EF Core migrations and exits (the production
    /// job); otherwise migrations are applied at start-up when <c>Database:MigrateOnStartup</c> is true
    /// (the default in Development), then the host runs.
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this WebApplication app, string[] args) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "migrate")
        {
            await MigrateAsync<TDbContext>(app.Services);
            return;
        }

        if (app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment()))
        {
            await MigrateAsync<TDbContext>(app.Services);
        }

        await app.RunAsync();
    }

    public static async Task MigrateAsync<TDbContext>(IServiceProvider services) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        LogMigrating(logger, typeof(TDbContext).Name, pending.Count);
        await db.Database.MigrateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context}: applying {Count} pending migration(s)")]
    private static partial void LogMigrating(ILogger logger, string context, int count);
}
