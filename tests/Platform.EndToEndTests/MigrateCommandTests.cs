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
        var (exitCode, output, errors) = await CommandLine.RunAsync("dotnet", [dll, "migrate"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [$"ConnectionStrings__{connectionName}"] = db.ConnectionString,
            ["ConnectionStrings__messaging"] = "amqp://nobody:nothing@127.0.0.1:1/", // never contacted
            ["Patients__Pseudonyms__Key"] = new string('k', 32),
            ["Patients__Protection__Keys__k1"] = new string('d', 32),
            ["Patients__Protection__CurrentKey"] = "k1",
            ["Patients__Protection__IndexKey"] = new string('i', 32),
        }, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit {exitCode}: {output}{errors}");
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'outbox_messages'"));
    }
}
