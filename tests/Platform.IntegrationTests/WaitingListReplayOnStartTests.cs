using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.Missions;
using Platform.Missions.WaitingLists;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// The step Missions runs after its migrations: an empty waiting-list projection (an upgrade from a version without it,
/// a restored database) asks Patients for a replay through the outbox; a projection with anything in it does not.
/// </summary>
public sealed class WaitingListReplayOnStartTests : IAsyncLifetime
{
    private const string RequestType = "Platform.Contracts.Events.WaitingListsReplayRequested";
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync("it_replay_start");

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task An_empty_projection_asks_for_a_replay_and_a_filled_one_does_not()
    {
        var options = new DbContextOptionsBuilder<MissionsDbContext>();
        options.UsePlatformPostgres(_db.ConnectionString);
        await using var db = new MissionsDbContext(options.Options);
        await db.Database.MigrateAsync();
        var watch = new WaitingListReplayWatch(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            Options.Create(new WaitingListReplayOptions()), NullLogger<WaitingListReplayWatch>.Instance);
        IPostMigrationStep step = new WaitingListReplay(db, TimeProvider.System, watch, NullLogger<WaitingListReplay>.Instance);

        await step.RunAsync(CancellationToken.None);
        Assert.Equal(1, await Requests());

        await _db.ExecuteAsync($"INSERT INTO waiting_patients (patient_id, commune_code, commune_since) VALUES ('{Guid.NewGuid()}', '53130', now())");
        await step.RunAsync(CancellationToken.None); // the next start: something to plan with already
        Assert.Equal(1, await Requests());
    }

    private Task<long> Requests() => _db.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type = '{RequestType}'");
}
