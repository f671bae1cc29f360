using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>Killing Coordination while patients are registered loses no count and double-counts none.</summary>
[Collection(nameof(RunningPlatform))]
public class CrashRecoveryTests(RunningPlatform platform)
{
    [Fact]
    public async Task Killing_coordination_mid_stream_loses_and_duplicates_nothing()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        const int total = 60;

        var registrations = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                var response = await gateway.PostAsJsonAsync("/api/patients", new
                {
                    nir = Nirs.Valid(1940), firstName = "Lucien", lastName = "Fouquet", birthDate = "1940-03-02", communeCode = commune,
                });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                await Task.Delay(15);
            }
        });

        // Kill it (SIGKILL, no graceful stop) while events are being consumed, keep registering, then restart it.
        await Eventually.UntilAsync(() => Count(), c => c >= 5, TimeSpan.FromSeconds(20));
        await platform.Run.KillAsync("coordination");
        var countedAtKill = await Count();
        Assert.False(registrations.IsCompleted, "Every registration was sent before the kill: it was not mid-stream.");
        Assert.True(countedAtKill < total, $"Coordination had counted {countedAtKill} of {total} when killed: it was not mid-stream.");
        await Task.Delay(1000);
        await platform.Run.StartAsync("coordination");
        await registrations;

        var count = await Eventually.UntilAsync(() => Count(), c => c >= total, TimeSpan.FromSeconds(30));
        await Task.Delay(1000); // a duplicate applied late would show now
        Assert.Equal(total, await Count());
        Assert.Equal(total, count);

        async Task<int> Count()
        {
            // Read Coordination's own projection: it is down for part of the test, so not through the gateway.
            return (int)await platform.Databases["coordination"].ScalarAsync<long>(
                $"SELECT coalesce(max(patients_without_gp), 0) FROM commune_indicators WHERE commune_code = '{commune}'");
        }
    }
}
