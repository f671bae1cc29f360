using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Missions.Scheduling;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// The mission lifecycle saga over the real broker and database: HTTP → request over RabbitMQ → state machine →
/// row locked in PostgreSQL → MissionCompleted through the outbox → Funding.
/// </summary>
[Collection(nameof(PlatformHosts))]
public class MissionLifecycleTests(PlatformHosts hosts)
{
    private readonly HttpClient _missions = PlatformHosts.ClientOf(hosts.Missions, "lifecycle-tests", "cpts-coordinator");

    private async Task<(Guid Mission, string Rpps, string Commune)> ProposedRotationAsync()
    {
        var rpps = RppsNumbers.Valid();
        var commune = PlatformHosts.UniqueCommune();
        Assert.Equal(HttpStatusCode.Created, (await _missions.PostAsJsonAsync("/api/missions/practitioners",
            new { rpps, firstName = "Claire", lastName = "Vasseur", status = "Retired", homeCommuneCode = "53130" })).StatusCode);
        var site = await _missions.PostAsJsonAsync("/api/missions/sites", new { name = $"Centre {Guid.NewGuid():N}", kind = "CentreDeSante", communeCode = commune });
        var siteId = (await site.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var scheduled = await _missions.PostAsJsonAsync("/api/missions/missions",
            new { kind = "WeeklyRotation", practitionerRpps = rpps, siteId, startDate = "2027-03-01", endDate = "2027-03-06" });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        return ((await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), rpps, commune);
    }

    [Theory]
    [InlineData("1901-01-07", "1901-01-12")]
    [InlineData("2199-01-07", "2199-01-12")]
    public async Task A_mission_dated_implausibly_far_from_today_is_a_400_on_its_start(string start, string end)
    {
        var (siteId, rpps) = await hosts.MissionsReferencesAsync();
        var before = await hosts.MissionsDb.ScalarAsync<long>("SELECT count(*) FROM missions");
        var response = await _missions.PostAsJsonAsync("/api/missions/missions",
            new { kind = "WeeklyRotation", practitionerRpps = rpps, siteId, startDate = start, endDate = end });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("startDate", out _));
        Assert.Equal(before, await hosts.MissionsDb.ScalarAsync<long>("SELECT count(*) FROM missions"));
    }

    private Task<HttpResponseMessage> Move(Guid mission, string transition, object? body = null) =>
        body is null ? _missions.PostAsync($"/api/missions/missions/{mission}/{transition}", null) : _missions.PostAsJsonAsync($"/api/missions/missions/{mission}/{transition}", body);

    private async Task<JsonElement> Detail(Guid mission) => await _missions.GetFromJsonAsync<JsonElement>($"/api/missions/missions/{mission}");

    private async Task<long> OutboxEventsFor(Guid mission, string type = "MissionCompleted") =>
        await hosts.MissionsDb.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'missionId' = '{mission}' AND message_type = 'Platform.Contracts.Events.{type}'");

    [Fact]
    public async Task A_mission_runs_to_completion_and_MissionCompleted_reaches_Funding_once()
    {
        var (mission, rpps, commune) = await ProposedRotationAsync();
        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "start")).StatusCode);
        var completed = await Move(mission, "complete", new { daysWorked = 5 });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var body = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", body.GetProperty("state").GetString());
        Assert.Equal(5, body.GetProperty("daysWorked").GetInt32());

        var announced = await Eventually.UntilAsync(() => Task.FromResult(hosts.ObservedCompletions.Where(c => c.MissionId == mission).ToList()), l => l.Count >= 1);
        var completion = Assert.Single(announced);
        Assert.Equal((5, rpps, commune, "WeeklyRotation"), (completion.DaysWorked, completion.PractitionerRpps, completion.CommuneCode, completion.Kind));

        var funding = PlatformHosts.ClientOf(hosts.Funding);
        var lines = await Eventually.UntilAsync(() => funding.GetFromJsonAsync<JsonElement>($"/api/funding/indemnities?rpps={rpps}"), l => l.GetArrayLength() >= 1);
        Assert.Equal(833.33m, Assert.Single(lines.EnumerateArray()).GetProperty("amount").GetDecimal());

        var detail = await Detail(mission);
        Assert.Equal(["Proposed>Confirmed", "Confirmed>InProgress", "InProgress>Completed"],
            detail.GetProperty("history").EnumerateArray().Select(t => $"{t.GetProperty("from").GetString()}>{t.GetProperty("to").GetString()}"));
        Assert.All(detail.GetProperty("history").EnumerateArray(), t => Assert.Equal("lifecycle-tests (cpts-coordinator)", t.GetProperty("by").GetString()));
        Assert.Empty(detail.GetProperty("allowedMoves").EnumerateArray());
        Assert.Equal(1, await OutboxEventsFor(mission));
    }

    [Fact]
    public async Task Moves_the_lifecycle_does_not_allow_are_refused_and_change_nothing()
    {
        var (mission, _, _) = await ProposedRotationAsync();
        var early = await Move(mission, "complete");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("A Proposed mission cannot be completed; allowed from Proposed: confirm, cancel", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Move(mission, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move(mission, "finish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(Guid.NewGuid(), "confirm")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Move(mission, "confirm")).StatusCode); // already confirmed
        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "start")).StatusCode);
        var tooMany = await Move(mission, "complete", new { daysWorked = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("daysWorked", out _));
        Assert.Equal("InProgress", (await Detail(mission)).GetProperty("mission").GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "cancel")).StatusCode);
        var afterCancel = await Move(mission, "complete");
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
        Assert.Contains("nothing (the mission is over)", (await afterCancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var detail = await Detail(mission);
        Assert.Equal("Cancelled", detail.GetProperty("mission").GetProperty("state").GetString());
        Assert.Equal(3, detail.GetProperty("history").GetArrayLength()); // confirm, start, cancel: nothing refused was recorded
        Assert.Equal(0, await OutboxEventsFor(mission));
        Assert.Equal(1, await OutboxEventsFor(mission, "MissionScheduled"));
        Assert.Equal(1, await OutboxEventsFor(mission, "MissionCancelled"));
    }

    [Fact]
    public async Task Concurrent_commands_on_one_mission_never_lose_a_transition()
    {
        for (var round = 0; round < 6; round++)
        {
            var (mission, _, _) = await ProposedRotationAsync();
            var proposedMoves = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? "confirm" : "cancel").OrderBy(_ => Random.Shared.Next()).ToList();
            var answers = await Task.WhenAll(proposedMoves.Select(async m => (Move: m, (await Move(mission, m)).StatusCode)));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.Move}: {a.StatusCode}"));
            var applied = answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Move).ToList();
            var detail = await Detail(mission);
            var history = detail.GetProperty("history").EnumerateArray().Select(t => (From: t.GetProperty("from").GetString(), To: t.GetProperty("to").GetString())).ToList();

            // Each accepted answer is exactly one applied transition, and they chain: no move was applied on a stale state.
            Assert.Equal(applied.Count, history.Count);
            Assert.Equal("Proposed", history[0].From);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].To, history[i].From);
            }

            Assert.Equal(history[^1].To, detail.GetProperty("mission").GetProperty("state").GetString());
            Assert.True(applied.Count(m => m == "confirm") <= 1 && applied.Count(m => m == "cancel") == 1, string.Join(",", applied));
        }

        // Racing to end a mission in progress: exactly one of complete and cancel wins, and the event follows the winner.
        var (running, _, _) = await ProposedRotationAsync();
        await Move(running, "confirm");
        await Move(running, "start");
        var endings = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i => (Move: i % 2 == 0 ? "complete" : "cancel", (await Move(running, i % 2 == 0 ? "complete" : "cancel")).StatusCode)));
        var winner = Assert.Single(endings, e => e.StatusCode == HttpStatusCode.OK).Move;
        Assert.Equal(winner == "complete" ? 1 : 0, await OutboxEventsFor(running));
        Assert.Equal(winner == "cancel" ? 1 : 0, await OutboxEventsFor(running, "MissionCancelled"));
    }

    [Fact]
    public async Task A_command_delivered_twice_is_applied_once()
    {
        var (mission, _, _) = await ProposedRotationAsync();
        await Move(mission, "confirm");
        await Move(mission, "start");
        var messageId = NewId.NextGuid();
        var command = new CompleteMission(mission, 6, "redelivery-test");
        await hosts.Observer.Publish(command, ctx => ctx.MessageId = messageId);
        await hosts.Observer.Publish(command, ctx => ctx.MessageId = messageId); // the broker delivers it again

        await Eventually.UntilAsync(() => Detail(mission), d => d.GetProperty("mission").GetProperty("state").GetString() == "Completed");
        await Task.Delay(700);
        Assert.Equal(1, await OutboxEventsFor(mission));
        Assert.Equal(3, (await Detail(mission)).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_command_goes_to_the_error_queue_and_the_next_one_is_applied()
    {
        const string queue = "missions-mission";
        var errorsBefore = await hosts.Broker.QueueDepthAsync(queue + "_error");
        await hosts.Broker.SendRawAsync(queue, "{ not a command"u8.ToArray(), "application/vnd.masstransit+json", NewId.NextGuid().ToString());

        var (mission, _, _) = await ProposedRotationAsync();
        Assert.Equal(HttpStatusCode.OK, (await Move(mission, "confirm")).StatusCode);
        Assert.Equal(errorsBefore + 1, await Eventually.UntilAsync(() => hosts.Broker.QueueDepthAsync(queue + "_error"), d => d > errorsBefore));
    }
}
