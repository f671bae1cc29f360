using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>An operator sees what reached an error queue and why, and sends it back once the cause is fixed; it is applied once.</summary>
[Collection(nameof(PlatformHosts))]
public class ErrorQueueTests(PlatformHosts hosts)
{
    private const string Queue = "coordination-patient-registered";
    private const string ErrorQueue = Queue + "_error";
    private readonly HttpClient _admin = PlatformHosts.ClientOf(hosts.Coordination);

    [Fact]
    public async Task A_faulted_message_is_listed_with_its_reason_and_stays_until_redelivered()
    {
        var before = await hosts.Broker.QueueDepthAsync(ErrorQueue);
        var messageId = NewId.NextGuid();
        await hosts.Observer.Publish(new PatientRegistered(Guid.NewGuid(), "ABCDE", 1950, DateTimeOffset.UtcNow), ctx => ctx.MessageId = messageId);
        Assert.Equal(before + 1, await Eventually.UntilAsync(() => hosts.Broker.QueueDepthAsync(ErrorQueue), d => d > before));

        var queues = await _admin.GetFromJsonAsync<JsonElement>("/api/coordination/admin/error-queues");
        var listed = Assert.Single(queues.EnumerateArray(), q => q.GetProperty("queue").GetString() == ErrorQueue);
        Assert.Equal(Queue, listed.GetProperty("sourceQueue").GetString());
        Assert.True(listed.GetProperty("messages").GetInt64() >= 1);

        var messages = await _admin.GetFromJsonAsync<JsonElement>($"/api/coordination/admin/error-queues/{ErrorQueue}/messages?limit=100");
        var faulted = Assert.Single(messages.EnumerateArray(), m => m.GetProperty("messageId").GetString() == messageId.ToString());
        Assert.Contains("InvalidMessageException", faulted.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        Assert.Contains("ABCDE", faulted.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);
        Assert.Contains("PatientRegistered", faulted.GetProperty("messageType").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await hosts.Broker.QueueDepthAsync(ErrorQueue)); // looking took nothing away
    }

    [Fact]
    public async Task A_redelivered_message_is_applied_once_even_when_redelivered_twice()
    {
        // As if it had faulted on a cause since fixed: a valid event sits in the error queue.
        var commune = PlatformHosts.UniqueCommune();
        var messageId = NewId.NextGuid();
        var message = new PatientRegistered(Guid.NewGuid(), commune, 1950, DateTimeOffset.UtcNow);
        var errors = await hosts.Observer.GetSendEndpoint(new Uri($"queue:{ErrorQueue}"));
        await errors.Send(message, ctx => ctx.MessageId = messageId);
        Assert.Equal(0, await hosts.CountInCoordination(commune));

        var first = await _admin.PostAsJsonAsync($"/api/coordination/admin/error-queues/{ErrorQueue}/redeliver", new { messageId });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redelivered").GetInt32());
        Assert.Equal(1, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c >= 1));

        await errors.Send(message, ctx => ctx.MessageId = messageId);
        var second = await _admin.PostAsJsonAsync($"/api/coordination/admin/error-queues/{ErrorQueue}/redeliver", new { messageId });
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redelivered").GetInt32());
        Assert.Equal(1L, await Eventually.UntilAsync(
            () => hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"), c => c == 1));
        await Task.Delay(700); // a second application would show now
        Assert.Equal(1, await hosts.CountInCoordination(commune));
        var left = await _admin.GetFromJsonAsync<JsonElement>($"/api/coordination/admin/error-queues/{ErrorQueue}/messages?limit=100");
        Assert.DoesNotContain(left.EnumerateArray(), m => m.GetProperty("messageId").GetString() == messageId.ToString());
    }

    [Fact]
    public async Task Only_platform_admins_reach_the_error_queues_and_only_this_service_s()
    {
        using var funder = PlatformHosts.ClientOf(hosts.Coordination, "a-funder", "funder");
        var refused = await funder.GetAsync("/api/coordination/admin/error-queues");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var other = await _admin.GetAsync("/api/coordination/admin/error-queues/funding-mission-completed_error/messages");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("queue", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync($"/api/coordination/admin/error-queues/{ErrorQueue}/messages?limit=0")).StatusCode);
    }
}
