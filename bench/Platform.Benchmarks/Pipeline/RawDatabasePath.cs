using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Missions;
using Platform.Testing;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// Baseline 2, the same database writes by hand, no MassTransit and no EF: the producer inserts the enrolment and its
/// outbox row in one transaction (one round trip); a dispatcher claims pending rows (FOR UPDATE SKIP LOCKED, the
/// platform's batch size), publishes them with confirms and marks them sent in the same transaction; the consumer, in
/// one transaction, inserts the inbox row and, the first time only, applies the same two upserts as Missions'
/// waiting-list projection into the same migrated tables, then acknowledges.
/// </summary>
internal sealed class RawDatabasePath : IPipelinePath
{
    private readonly RawBroker _broker = new();
    private readonly WakeSignal _wake = new();
    private readonly CancellationTokenSource _stop = new();
    private TestVirtualHost? _vhost;
    private TestDatabase? _producerDb;
    private TestDatabase? _consumerDb;
    private NpgsqlDataSource? _producer;
    private NpgsqlDataSource? _consumer;
    private Task _dispatcher = Task.CompletedTask;
    private Tracker _tracker = null!;
    private int _sequence;

    public string Name => "same writes by hand (Npgsql, RabbitMQ.Client)";

    private static readonly int BatchSize = PipelineBenchmark.Setting("Messaging__Outbox__BatchSize", new OutboxOptions().BatchSize);

    public async Task StartAsync(Tracker tracker)
    {
        _tracker = tracker;
        _vhost = await TestVirtualHost.CreateAsync("bench-raw-db");
        _producerDb = await TestDatabase.CreateAsync("bench_raw_patients");
        _consumerDb = await TestDatabase.CreateAsync("bench_raw_missions");
        var producerOptions = new DbContextOptionsBuilder<EnrolmentsDb>();
        producerOptions.UsePlatformPostgres(_producerDb.ConnectionString);
        await using (var db = new EnrolmentsDb(producerOptions.Options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var consumerOptions = new DbContextOptionsBuilder<MissionsDbContext>();
        consumerOptions.UsePlatformPostgres(_consumerDb.ConnectionString);
        await using (var db = new MissionsDbContext(consumerOptions.Options))
        {
            await db.Database.MigrateAsync();
        }

        _producer = NpgsqlDataSource.Create(_producerDb.ConnectionString);
        _consumer = NpgsqlDataSource.Create(_consumerDb.ConnectionString);
        await _broker.StartAsync(_vhost.Uri, async delivery =>
        {
            var messageId = Guid.Parse(delivery.BasicProperties.MessageId!);
            var e = JsonSerializer.Deserialize<PatientEnrolled>(delivery.Body.Span, PipelineBenchmark.Json)!;
            await ProjectAsync(messageId, e);
            tracker.ProjectionCommitted(messageId);
        });
        _dispatcher = Task.Run(() => DispatchAsync(_stop.Token));
    }

    private async Task ProjectAsync(Guid messageId, PatientEnrolled e)
    {
        await using var conn = await _consumer!.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var inbox = new NpgsqlCommand(
            "INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ($1, $2, $3) ON CONFLICT (message_id, consumer) DO NOTHING", conn, tx))
        {
            inbox.Parameters.Add(new() { Value = messageId });
            inbox.Parameters.Add(new() { Value = "PatientEnrolledConsumer" });
            inbox.Parameters.Add(new() { Value = DateTimeOffset.UtcNow });
            if (await inbox.ExecuteNonQueryAsync() == 0)
            {
                return;
            }
        }

        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO waiting_patients AS p (patient_id, commune_code, commune_since) VALUES ($1, $2, $3)
                    ON CONFLICT (patient_id) DO UPDATE SET commune_code = excluded.commune_code, commune_since = excluded.commune_since
                    WHERE p.commune_since < excluded.commune_since
                    """) { Parameters = { new() { Value = e.PatientId }, new() { Value = e.CommuneCode }, new() { Value = e.EnrolledAt } } },
                new NpgsqlBatchCommand("""
                    INSERT INTO waiting_entries AS w (entry_id, patient_id, enrolled_at, left_at) VALUES ($1, $2, $3, NULL)
                    ON CONFLICT (entry_id) DO UPDATE SET left_at = coalesce(excluded.left_at, w.left_at)
                    """) { Parameters = { new() { Value = e.EntryId }, new() { Value = e.PatientId }, new() { Value = e.EnrolledAt } } },
            },
        };
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    public async Task ProduceOneAsync(CancellationToken cancellationToken)
    {
        await InsertAsync(1, cancellationToken);
    }

    public async Task ProduceBurstAsync(int count, int batch, CancellationToken cancellationToken)
    {
        for (var done = 0; done < count; done += batch)
        {
            await InsertAsync(Math.Min(batch, count - done), cancellationToken);
        }
    }

    /// <summary>Inserts enrolments and their outbox rows in one transaction (one round trip).</summary>
    private async Task InsertAsync(int count, CancellationToken cancellationToken)
    {
        await using var batch = _producer!.CreateBatch();
        for (var i = 0; i < count; i++)
        {
            var e = PipelineBenchmark.NextEnrolment(Interlocked.Increment(ref _sequence));
            var messageId = Guid.CreateVersion7();
            _tracker.Writing(messageId);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO enrolments (id, patient_id, waiting_list, commune_code, enrolled_at) VALUES ($1, $2, $3, $4, $5)")
            {
                Parameters = { new() { Value = e.Id }, new() { Value = e.PatientId }, new() { Value = e.WaitingList }, new() { Value = e.CommuneCode }, new() { Value = e.EnrolledAt } },
            });
            var payload = JsonSerializer.Serialize(new PatientEnrolled(e.PatientId, e.Id, e.WaitingList, e.CommuneCode, e.EnrolledAt), PipelineBenchmark.Json);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO outbox_messages (message_id, message_type, payload, occurred_at, attempts) VALUES ($1, $2, $3, $4, 0)")
            {
                Parameters =
                {
                    new() { Value = messageId }, new() { Value = typeof(PatientEnrolled).FullName },
                    new() { Value = payload, NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = DateTimeOffset.UtcNow },
                },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken); // one implicit transaction
        _wake.Notify();
    }

    private async Task DispatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            int claimed;
            await using (var conn = await _producer!.OpenConnectionAsync(stop))
            await using (var tx = await conn.BeginTransactionAsync(stop))
            {
                var ids = new List<long>();
                var messages = new List<(Guid, ReadOnlyMemory<byte>)>();
                await using (var select = new NpgsqlCommand(
                    "SELECT id, message_id, payload FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED", conn, tx))
                {
                    select.Parameters.Add(new() { Value = BatchSize });
                    await using var reader = await select.ExecuteReaderAsync(stop);
                    while (await reader.ReadAsync(stop))
                    {
                        ids.Add(reader.GetInt64(0));
                        messages.Add((reader.GetGuid(1), System.Text.Encoding.UTF8.GetBytes(reader.GetString(2))));
                    }
                }

                claimed = ids.Count;
                if (claimed > 0)
                {
                    await _broker.PublishAsync(messages, stop);
                    await using var update = new NpgsqlCommand("UPDATE outbox_messages SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1)", conn, tx);
                    update.Parameters.Add(new() { Value = ids.ToArray() });
                    await update.ExecuteNonQueryAsync(stop);
                }

                await tx.CommitAsync(stop);
            }

            if (claimed < BatchSize)
            {
                await ((Task)_wake.WaitAsync(TimeSpan.FromSeconds(1), stop)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<long> UnsentAsync() => await _producerDb!.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    public async Task<long> ProjectionsInDatabaseAsync() => await _consumerDb!.ScalarAsync<long>("SELECT count(*) FROM waiting_entries");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _dispatcher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _broker.DisposeAsync();
        if (_producer is not null)
        {
            await _producer.DisposeAsync();
        }

        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        foreach (var resource in new IAsyncDisposable?[] { _consumerDb, _producerDb, _vhost })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }

        _stop.Dispose();
        _wake.Dispose();
    }
}
