using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>The outbox, the inbox and the error queue, over the real RabbitMQ and PostgreSQL.</summary>
[Collection(nameof(PlatformHosts))]
public class MessagingTests(PlatformHosts hosts)
{
    private const string CoordinationQueue = "coordination-patient-registered";

    [Fact]
    public async Task A_registration_reaches_coordination_through_the_broker()
    {
        var commune = PlatformHosts.UniqueCommune();
        using var client = PlatformHosts.ClientOf(hosts.Patients);
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/patients", new
            {
                nir = Nirs.Valid(1944), firstName = "Roger", lastName = "Pichon", birthDate = "1944-03-01", communeCode = commune,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(3, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 3));
    }

    [Fact]
    public async Task A_message_delivered_twice_is_counted_once()
    {
        var commune = PlatformHosts.UniqueCommune();
        var messageId = NewId.NextGuid();
        var evt = new PatientRegistered(Guid.NewGuid(), commune, 1950, DateTimeOffset.UtcNow);
        using var duplicates = new MetricCollector<long>(hosts.Coordination.Services.GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName, "platform.inbox.duplicates_skipped");

        await hosts.Observer.Publish(evt, ctx => ctx.MessageId = messageId);
        await hosts.Observer.Publish(evt, ctx => ctx.MessageId = messageId);
        await hosts.Observer.Publish(evt with { PatientId = Guid.NewGuid() }); // a different message: counts

        Assert.Equal(2, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c >= 2));
        await Task.Delay(500); // give a wrongful third increment the time to show
        Assert.Equal(2, await hosts.CountInCoordination(commune));
        Assert.Equal(1L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
        Assert.Equal(1, await Eventually.UntilAsync(() => Task.FromResult(Skipped()), n => n >= 1)); // and operators see it
        Assert.Equal(1, Skipped());

        long Skipped() => duplicates.GetMeasurementSnapshot().Where(m => m.Tags["consumer"] is nameof(Platform.Coordination.Indicators.PatientRegisteredConsumer)).Sum(m => m.Value);
    }

    [Fact]
    public async Task The_outbox_reports_its_backlog_and_what_it_published()
    {
        var meters = hosts.Patients.Services.GetRequiredService<IMeterFactory>();
        using var published = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "platform.outbox.published");
        using var client = PlatformHosts.ClientOf(hosts.Patients);
        var commune = PlatformHosts.UniqueCommune();
        (await client.PostAsJsonAsync("/api/patients", new { nir = Nirs.Valid(1950), firstName = "Outbox", lastName = "Metric", birthDate = "1950-03-01", communeCode = commune })).EnsureSuccessStatusCode();

        Assert.True(await Eventually.UntilAsync(() => Task.FromResult(published.GetMeasurementSnapshot().Sum(m => m.Value)), n => n >= 1) >= 1);

        // A row written by hand, older than any real one and never published (its type is unknown): pending and aged.
        var monitor = hosts.Patients.Services.GetServices<IHostedService>().OfType<OutboxBacklogMonitor<PatientsDbContext>>().Single();
        var before = await monitor.SampleAsync(CancellationToken.None);
        var messageId = Guid.NewGuid();
        await hosts.PatientsDb.ExecuteAsync($"""
            INSERT INTO outbox_messages (message_id, message_type, payload, occurred_at, attempts)
            VALUES ('{messageId}', 'Nowhere.Unknown', '[]', now() - interval '1 hour', 20)
            """);
        var after = await monitor.SampleAsync(CancellationToken.None);
        await hosts.PatientsDb.ExecuteAsync($"DELETE FROM outbox_messages WHERE message_id = '{messageId}'");
        Assert.Equal(before.SetAside + 1, after.SetAside); // given up (MaxAttempts reached): counted apart from the pending ones
        Assert.Equal(before.Pending, after.Pending);
    }

    [Fact]
    public async Task Concurrent_duplicates_are_applied_once()
    {
        var commune = PlatformHosts.UniqueCommune();
        var ids = Enumerable.Range(0, 20).Select(_ => NewId.NextGuid()).ToArray();
        // Every message three times, all at once: the endpoint consumes them concurrently.
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, 3).Select(_ =>
            hosts.Observer.Publish(new PatientRegistered(Guid.NewGuid(), commune, 1950, DateTimeOffset.UtcNow), ctx => ctx.MessageId = id))));

        Assert.Equal(20, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c >= 20));
        await Task.Delay(500);
        Assert.Equal(20, await hosts.CountInCoordination(commune));
    }

    [Fact]
    public async Task A_malformed_message_goes_to_the_error_queue_and_does_not_block_the_next()
    {
        var errorsBefore = await hosts.Broker.QueueDepthAsync(CoordinationQueue + "_error");
        await hosts.Broker.SendRawAsync(CoordinationQueue, Encoding.UTF8.GetBytes("{ this is not json"), "application/vnd.masstransit+json", NewId.NextGuid().ToString());

        var commune = PlatformHosts.UniqueCommune();
        await hosts.Observer.Publish(new PatientRegistered(Guid.NewGuid(), commune, 1950, DateTimeOffset.UtcNow));

        Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 1));
        Assert.Equal(errorsBefore + 1, await Eventually.UntilAsync(() => hosts.Broker.QueueDepthAsync(CoordinationQueue + "_error"), d => d > errorsBefore));
    }

    [Fact]
    public async Task An_event_with_an_invalid_commune_goes_to_the_error_queue_without_retrying()
    {
        var errorsBefore = await hosts.Broker.QueueDepthAsync(CoordinationQueue + "_error");
        var started = DateTime.UtcNow;
        var messageId = NewId.NextGuid();

        await hosts.Observer.Publish(new PatientRegistered(Guid.NewGuid(), "ABCDE", 1950, DateTimeOffset.UtcNow), ctx => ctx.MessageId = messageId);

        Assert.Equal(errorsBefore + 1, await Eventually.UntilAsync(() => hosts.Broker.QueueDepthAsync(CoordinationQueue + "_error"), d => d > errorsBefore));
        // Five exponential retries would take over 6 s; an invalid message is not retried.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the invalid message should not be retried");
        Assert.Equal(0L, await hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
    }

    [Fact]
    public async Task An_event_committed_before_a_crash_is_published_after_restart_with_its_message_id()
    {
        var commune = PlatformHosts.UniqueCommune();
        var patientId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await hosts.RestartPatientsAsync(async () =>
        {
            // What a crash between commit and publish leaves behind: a committed, unsent outbox row.
            await using var conn = new Npgsql.NpgsqlConnection(hosts.PatientsDb.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("""
                INSERT INTO outbox_messages (message_id, message_type, payload, occurred_at, attempts)
                VALUES (@id, 'Platform.Contracts.Events.PatientRegistered', @payload::jsonb, now(), 0)
                """, conn);
            cmd.Parameters.AddWithValue("id", messageId);
            cmd.Parameters.AddWithValue("payload", $$"""{"patientId":"{{patientId}}","communeCode":"{{commune}}","birthYear":1939,"registeredAt":"2026-11-22T10:00:00+00:00"}""");
            await cmd.ExecuteNonQueryAsync();
        });

        var observed = await Eventually.UntilAsync(
            () => Task.FromResult(hosts.Observed.FirstOrDefault(c => c.Message.PatientId == patientId)), c => c is not null);
        Assert.NotNull(observed);
        Assert.Equal(messageId, observed.MessageId);
        Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 1));
    }
}
