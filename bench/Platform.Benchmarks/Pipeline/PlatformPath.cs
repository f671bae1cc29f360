using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Missions;
using Platform.Missions.WaitingLists;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// The platform's own pipeline, with its own code end to end: a producing host (as Patients) commits an enrolment and
/// its PatientEnrolled in one EF transaction (the outbox); its <see cref="OutboxDispatcher{TDbContext}"/> publishes
/// through MassTransit with publisher confirms; a consuming host (Missions, its real database and migrations) applies
/// it with its real <see cref="PatientEnrolledConsumer"/> (inbox row, then the waiting-list projection, one transaction).
/// Settings come from the environment as in a service (Messaging__Outbox__BatchSize, ...).
/// </summary>
internal sealed class PlatformPath : IPipelinePath
{
    private readonly List<IAsyncDisposable> _resources = [];
    private IHost? _producer;
    private IHost? _consumer;
    private TestDatabase? _consumerDb;
    private TestDatabase? _producerDb;
    private Tracker _tracker = null!;
    private int _sequence;

    public string Name => "platform (EF outbox, MassTransit, inbox)";

    public async Task StartAsync(Tracker tracker)
    {
        var vhost = await TestVirtualHost.CreateAsync("bench-pipeline");
        _resources.Add(vhost);
        var producerDb = _producerDb = await TestDatabase.CreateAsync("bench_pipeline_patients");
        _resources.Add(producerDb);
        _consumerDb = await TestDatabase.CreateAsync("bench_pipeline_missions");
        _resources.Add(_consumerDb);

        _consumer = Build("Platform.Missions", "missionsdb", _consumerDb.ConnectionString, vhost.Uri, b =>
        {
            b.AddServiceDatabase<MissionsDbContext>("missionsdb");
            b.AddMessaging<MissionsDbContext>(bus => bus.AddConsumer<PatientEnrolledConsumer>());
        }, migrate: true);
        await _consumer.StartAsync();
        _consumer.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new ProjectionObserver(tracker));

        _producer = Build("Platform.Patients", "patientsdb", producerDb.ConnectionString, vhost.Uri, b =>
        {
            b.AddServiceDatabase<EnrolmentsDb>("patientsdb");
            b.AddMessaging<EnrolmentsDb>();
        }, migrate: false);
        await using (var scope = _producer.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentsDb>().Database.EnsureCreatedAsync();
        }

        await _producer.StartAsync();
        _tracker = tracker;
    }

    public async Task ProduceOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = _producer!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnrolmentsDb>();
        _tracker.Writing(Add(db));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ProduceBurstAsync(int count, int batch, CancellationToken cancellationToken)
    {
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = _producer!.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EnrolmentsDb>();
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                Add(db);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Guid Add(EnrolmentsDb db)
    {
        var enrolment = PipelineBenchmark.NextEnrolment(Interlocked.Increment(ref _sequence));
        db.Add(enrolment);
        return db.AddIntegrationEvent(new PatientEnrolled(enrolment.PatientId, enrolment.Id, enrolment.WaitingList, enrolment.CommuneCode, enrolment.EnrolledAt));
    }

    public async Task<long> UnsentAsync() => await _producerDb!.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    public async Task<long> ProjectionsInDatabaseAsync() => await _consumerDb!.ScalarAsync<long>("SELECT count(*) FROM waiting_entries");

    private static IHost Build(string applicationName, string connectionName, string connectionString, Uri broker, Action<HostApplicationBuilder> configure, bool migrate)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = applicationName,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory, // as a service runs: not the caller's folder, which the configuration would watch
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{connectionName}"] = connectionString,
            [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = broker.ToString(),
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The migrator's first look for a history table that does not exist yet is logged as a failed command.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        });
        builder.AddServiceDefaults();
        configure(builder);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _producer, _consumer })
        {
            if (host is not null)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }

        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }
    }
}
