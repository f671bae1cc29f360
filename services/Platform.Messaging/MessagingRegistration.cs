using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Messaging.ErrorQueues;
using Platform.ServiceDefaults;

namespace Platform.Messaging;

public static class MessagingRegistration
{
    /// <summary>Connection string name of the broker (an <c>amqp://user:password@host:port/vhost</c> URI).</summary>
    public const string BrokerConnectionName = "messaging";

    /// <summary>
    /// Registers the service's own PostgreSQL database (<c>ConnectionStrings__{connectionName}</c>) with snake_case
    /// names, the outbox signal, a readiness check, and start-up migrations (Development, or Database:MigrateOnStartup).
    /// Call it before <see cref="AddMessaging{TDbContext}"/> so the schema exists before the bus starts.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = RequiredConnectionString(builder.Configuration, connectionName);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        // Pooled: a context is reset and reused instead of built for every request and every message; building one
        // (its internal services, options and interceptors) was a seventh of the pipeline's CPU per event
        // (bench/pipeline-benchmark.sh). Its options and interceptors are therefore singletons.
        builder.Services.AddDbContextPool<TDbContext>((sp, options) => options
            .UsePlatformPostgres(connectionString)
            .AddInterceptors([sp.GetRequiredService<OutboxSignalInterceptor>(), .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }

    /// <summary>
    /// MassTransit over RabbitMQ with kebab-case endpoints prefixed by the service, exponential retries then <c>&lt;queue&gt;_error</c>,
    /// and the outbox dispatcher of <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var broker = new Uri(RequiredConnectionString(builder.Configuration, BrokerConnectionName));
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        builder.Services.AddOptions<ConsumerOptions>().BindConfiguration("Messaging:Consumers");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.AddHostedService<OutboxBacklogMonitor<TDbContext>>();
        builder.Services.TryAddSingleton<ReceiveEndpointNames>();
        builder.Services.TryAddSingleton<ErrorQueueBroker>();
        builder.Services.AddHostedService<ErrorQueueMonitor>();
        builder.Services.AddMassTransit(x =>
        {
            // MassTransit reports usage to its vendor (an HTTPS call out of the region) unless told not to: patient
            // platforms call nothing but their own servers (tested: NoOutboundCallTests).
            x.DisableUsageTelemetry();
            // Queues are named after the service, then the consumer (coordination-mission-completed): two services
            // with a consumer of the same name each get their own queue instead of competing for one.
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServiceName(builder.Environment.ApplicationName), false));
            x.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                context.GetRequiredService<ReceiveEndpointNames>().Add(name); // its error queue is <name>_error
                var consumers = context.GetRequiredService<IOptions<ConsumerOptions>>().Value;
                endpoint.PrefetchCount = consumers.PrefetchCount;
                endpoint.ConcurrentMessageLimit = consumers.ConcurrentMessageLimit;

                endpoint.UseMessageRetry(r =>
                {
                    r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                    r.Ignore<InvalidMessageException>();
                });
            });
            // The broker is a dependency, not a condition of readiness: while it is down, writes still succeed
            // (the outbox keeps their events) and reads never needed it.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "broker";
                o.Tags.Clear();
                o.Tags.Add(ServiceDefaultsExtensions.DependencyTag);
            });
            configure?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>"Platform.Coordination" → "Coordination".</summary>
    internal static string ServiceName(string applicationName) => applicationName[(applicationName.LastIndexOf('.') + 1)..];

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set ConnectionStrings__{name} (see README, 'Configuration').");
}
