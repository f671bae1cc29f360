using Microsoft.AspNetCore.Hosting;
using Platform.Missions;
using Platform.Missions.WaitingLists;
using Platform.Patients;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// The upgrade that brings the replay, over a real broker: Missions starts with an empty projection and asks Patients
/// for a replay while Patients does not answer yet (its queue does not exist, so the broker drops the request); Missions
/// asks again every answer timeout until a page of the answer is applied, then stops asking.
/// </summary>
public sealed class WaitingListReplayWatchTests : IAsyncLifetime
{
    private const string RequestType = "Platform.Contracts.Events.WaitingListsReplayRequested";
    private TestVirtualHost _broker = null!;
    private TestDatabase _missionsDb = null!;
    private TestDatabase _patientsDb = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestVirtualHost.CreateAsync("it_replay_watch");
        _missionsDb = await TestDatabase.CreateAsync("it_replay_watch_missions");
        _patientsDb = await TestDatabase.CreateAsync("it_replay_watch_patients");
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _missionsDb.DisposeAsync();
        await _patientsDb.DisposeAsync();
    }

    [Fact]
    public async Task A_replay_asked_before_patients_answers_is_asked_again_until_answered()
    {
        await using var missions = PlatformHosts.HostOn<MissionsDbContext>("missionsdb", _missionsDb, _broker.Uri)
            .WithWebHostBuilder(b => b.UseSetting("Missions:WaitingListReplay:AnswerTimeout", "00:00:01"));
        _ = missions.Server; // fresh database: the projection is empty, so it asks at start, and nobody answers

        var asked = await Eventually.UntilAsync(Requests, n => n >= 3, TimeSpan.FromSeconds(30));
        Assert.True(asked >= 3, $"asked {asked} times");
        Assert.Equal(0, await Answers());

        // Patients now runs the answering version: its queue exists, and the next request is answered (one empty page).
        await using var patients = PlatformHosts.HostOn<PatientsDbContext>("patientsdb", _patientsDb, _broker.Uri)
            .WithWebHostBuilder(b => b.UseSetting("services:missions:grpc:0", "http://missions.test"));
        _ = patients.Server;
        Assert.True(await Eventually.UntilAsync(Answers, n => n >= 1, TimeSpan.FromSeconds(30)) >= 1);

        var afterAnswer = await Requests();
        await Task.Delay(TimeSpan.FromSeconds(4)); // four answer timeouts
        Assert.InRange(await Requests(), afterAnswer, afterAnswer + 1); // at most the one being asked as the answer landed
    }

    private Task<long> Requests() => _missionsDb.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type = '{RequestType}'");

    private Task<long> Answers() => _missionsDb.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE consumer = '{nameof(WaitingListsReplayedConsumer)}'");
}
