using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// The Aspire AppHost cannot be built on the project's machines, so this keeps it honest: the AppHost, the local
/// runner (eng/*.sh), the services' own code and the gateway's routes must name the same services, resources and
/// connection strings.
/// </summary>
public partial class TopologyTests
{
    private static readonly string s_appHost = File.ReadAllText(RepositoryRoot.File("apphost", "Platform.AppHost", "AppHost.cs"));
    private static readonly string s_servers = File.ReadAllText(RepositoryRoot.File("eng", "servers.sh"));
    private static readonly string s_services = File.ReadAllText(RepositoryRoot.File("eng", "services.sh"));

    [Fact]
    public void AppHost_and_local_runner_start_the_same_services()
    {
        var appHost = AddProject().Matches(s_appHost).Select(m => m.Groups["name"].Value).Where(n => n != "gateway").Order();
        var runner = RunnerService().Matches(s_services).Select(m => m.Groups["name"].Value).Order();
        Assert.Equal(["coordination", "funding", "missions", "patients"], runner);
        Assert.Equal(runner, appHost);
        Assert.Contains("AddProject<Projects.Platform_Gateway>(\"gateway\")", s_appHost, StringComparison.Ordinal);
    }

    [Fact]
    public void AppHost_and_local_runner_create_the_same_databases()
    {
        var appHost = AddDatabase().Matches(s_appHost).Select(m => m.Groups["name"].Value).Order();
        var runnerDatabases = RunnerDatabases().Match(s_servers).Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order();
        var perService = RunnerService().Matches(s_services).Select(m => m.Groups["db"].Value).Order();
        Assert.Equal(runnerDatabases, appHost);
        Assert.Equal(runnerDatabases, perService);
    }

    [Fact]
    public void Each_service_reads_the_connection_string_both_hosts_provide()
    {
        foreach (Match m in RunnerService().Matches(s_services))
        {
            var (name, db) = (m.Groups["name"].Value, m.Groups["db"].Value);
            var program = Directory.GetFiles(RepositoryRoot.File("services"), "Program.cs", SearchOption.AllDirectories)
                .Single(p => p.Contains($"Platform.{char.ToUpperInvariant(name[0])}{name[1..]}", StringComparison.Ordinal));
            Assert.Contains($"AddServiceDatabase<", File.ReadAllText(program), StringComparison.Ordinal);
            Assert.Contains($"(\"{db}\")", File.ReadAllText(program), StringComparison.Ordinal);
            Assert.Matches($"AddProject<Projects.Platform_\\w+>\\(\"{name}\"\\)[\\s\\S]*?WithReference\\({Camel(db)}\\)", s_appHost);
        }
    }

    [Fact]
    public void Broker_and_cache_have_the_same_connection_names_everywhere()
    {
        Assert.Contains("AddRabbitMQ(\"messaging\")", s_appHost, StringComparison.Ordinal);
        Assert.Contains("AddRedis(\"cache\")", s_appHost, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__messaging=", s_servers, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__cache=", s_servers, StringComparison.Ordinal);
        Assert.Equal("messaging", Platform.Messaging.MessagingRegistration.BrokerConnectionName);
    }

    [Fact]
    public void Gateway_routes_to_every_service_of_the_runner()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("gateway", "Platform.Gateway", "appsettings.json")));
        var clusters = settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().Select(c => c.Name).Order();
        var runner = RunnerService().Matches(s_services).Select(m => m.Groups["name"].Value).Order().ToList();
        Assert.Equal(runner.SelectMany(s => new[] { s, s + "-grpc" }).Order(), clusters); // REST and gRPC for each service
        var routes = settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes");
        foreach (var service in runner)
        {
            foreach (var access in new[] { "read", "write" })
            {
                var route = routes.GetProperty($"{service}-{access}");
                Assert.Equal($"/api/{service}/{{**rest}}", route.GetProperty("Match").GetProperty("Path").GetString());
                Assert.Equal($"{service}-{access}", route.GetProperty("AuthorizationPolicy").GetString());
            }

            Assert.Equal($"/platform.{service}.v1.{{service}}/{{method}}", routes.GetProperty($"{service}-grpc").GetProperty("Match").GetProperty("Path").GetString());
        }
    }

    private static string Camel(string db) => db.Replace("db", "Db", StringComparison.Ordinal);

    [GeneratedRegex("""AddProject<Projects\.Platform_\w+>\("(?<name>[a-z]+)"\)""")]
    private static partial Regex AddProject();

    [GeneratedRegex("""AddDatabase\("(?<name>[a-z]+)"\)""")]
    private static partial Regex AddDatabase();

    [GeneratedRegex("""^\s*"(?<name>[a-z]+)\|\d+\|\d+\|(?<db>[a-z]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex RunnerService();

    [GeneratedRegex("""SERVICE_DATABASES=\((?<names>[a-z ]+)\)""")]
    private static partial Regex RunnerDatabases();
}
