using System.Diagnostics;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>Production applies migrations with a separate command (a Kubernetes Job), not at start-up.</summary>
[Collection(nameof(RunningPlatform))]
public class MigrateCommandTests(RunningPlatform platform)
{
    [Theory]
    [InlineData("services/Patients/Platform.Patients", "patientsdb", "patients")]
    [InlineData("services/Coordination/Platform.Coordination", "coordinationdb", "commune_indicators")]
    public async Task The_migrate_command_creates_the_schema_and_exits(string project, string connectionName, string table)
    {
        await using var db = await TestDatabase.CreateAsync("e2e_migrate", await platform.Run.ConnectionStringAsync("postgres"));
        var dll = Path.Combine(RepositoryRoot.File(project), "bin", AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug",
            "net10.0", Path.GetFileName(project) + ".dll");
        var start = new ProcessStartInfo("dotnet", [dll, "migrate"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[$"ConnectionStrings__{connectionName}"] = db.ConnectionString;
        start.Environment["ConnectionStrings__messaging"] = "amqp://nobody:nothing@127.0.0.1:1/"; // never contacted
        start.Environment["Patients__Pseudonyms__Key"] = new string('k', 32);
        start.Environment["Patients__Protection__Keys__k1"] = new string('d', 32);
        start.Environment["Patients__Protection__CurrentKey"] = "k1";
        start.Environment["Patients__Protection__IndexKey"] = new string('i', 32);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output}{await errors}");
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'outbox_messages'"));
    }
}
