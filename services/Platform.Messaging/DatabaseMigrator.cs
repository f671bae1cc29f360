using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.Messaging;

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
