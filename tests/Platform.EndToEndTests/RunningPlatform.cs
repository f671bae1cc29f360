using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The whole platform as developers run it: the AppHost (through Aspire.Hosting.Testing) with its servers, four
/// services and gateway, on free ports and a data folder of its own. The tests add only their partners (one key per
/// role, a rate-limited one) and a faster outbox poll.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    private static readonly string[] s_services = ["patients", "missions", "funding", "coordination"];

    public PlatformRun Run { get; private set; } = null!;

    public Dictionary<string, TestDatabase> Databases { get; } = [];

    /// <summary>The gateway's REST and gRPC addresses.</summary>
    public GatewayAddress Gateway { get; private set; } = null!;

    /// <summary>A service's own REST address (developer machines only; partners use the gateway).</summary>
    public GatewayAddress Service(string name) => new(Run.Endpoint(name, "http"), Run.Endpoint(name, "grpc"));

    /// <summary>Where Prometheus scrapes a host (its "metrics" endpoint).</summary>
    public Uri Metrics(string name) => Run.Endpoint(name, "metrics");

    /// <summary>The API key of the test partner (role platform-admin); the gateway is given only its hash.</summary>
    public string ApiKey { get; } = NewKey();

    /// <summary>One key per role (partner e2e-{role}).</summary>
    public Dictionary<string, string> RoleKeys { get; } = new[] { "platform-admin", "cpts-coordinator", "centre-staff", "practitioner", "funder", "ars-analyst" }
        .ToDictionary(r => r, _ => NewKey());

    /// <summary>The scope of each role's key: the widest its role may have (scoped keys are created by the scope tests).</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleScopes = new Dictionary<string, string>
    {
        ["platform-admin"] = "region",
        ["cpts-coordinator"] = "region",
        ["centre-staff"] = "communes:53130",
        ["practitioner"] = "practitioner:10101234564",
        ["funder"] = "region",
        ["ars-analyst"] = "region",
    };

    /// <summary>A partner with a low rate limit, for the limit tests.</summary>
    public string LimitedKey { get; } = NewKey();

    public const int LimitedPermitPerSecond = 10;

    /// <summary>The key the gateway signs identities with (shared with the services), as the AppHost generated it.</summary>
    public string IdentityKey => Run.Secret("identity-key");

    /// <summary>The gateway's configuration as Aspire gave it, for a second replica (see <see cref="StartGatewayAsync"/>).</summary>
    public Dictionary<string, string> GatewayEnvironment { get; private set; } = [];

    /// <summary>A client of the gateway that presents the test partner's API key.</summary>
    public HttpClient CreateGatewayClient()
    {
        var client = CreateAnonymousGatewayClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public HttpClient CreateAnonymousGatewayClient() => new() { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Run = await PlatformRun.StartAsync(new Dictionary<string, string>(), ["gateway"], builder =>
        {
            foreach (var project in builder.Resources.OfType<ProjectResource>().Where(p => s_services.Contains(p.Name)))
            {
                builder.CreateResourceBuilder(project).WithEnvironment("Messaging__Outbox__PollInterval", "00:00:00.500");
            }

            var gateway = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway"));
            foreach (var (partner, role, key) in Partners())
            {
                gateway.WithEnvironment($"Gateway__Partners__{partner}__KeyHash", Hash(key))
                    .WithEnvironment($"Gateway__Partners__{partner}__Role", role)
                    .WithEnvironment($"Gateway__Partners__{partner}__Scope", RoleScopes[role]);
            }

            gateway.WithEnvironment("Gateway__RateLimit__PerPartner__e2e-limited", LimitedPermitPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        Gateway = new GatewayAddress(Run.Endpoint("gateway", "http"), Run.Endpoint("gateway", "grpc"));
        // The start watchdog must see the whole stack healthy, or it would stop the run at its timeout.
        await Run.WaitForLogAsync((_, message) => message.StartsWith("Every resource is healthy", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        foreach (var service in s_services)
        {
            Databases[service] = TestDatabase.Existing(await Run.ConnectionStringAsync(service + "db"));
        }

        var gatewayResource = Run.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
#pragma warning disable CS0618 // the documented way to read what Aspire gives a resource, for tests
        GatewayEnvironment = new Dictionary<string, string>(await gatewayResource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run));
#pragma warning restore CS0618
    }

    private IEnumerable<(string Partner, string Role, string Key)> Partners() =>
        RoleKeys.Select(r => ($"e2e-{r.Key}", r.Key, r.Value))
            .Append(("e2e", "platform-admin", ApiKey))
            .Append(("e2e-limited", "platform-admin", LimitedKey));

    /// <summary>
    /// Starts another gateway process with the configuration Aspire gave the gateway, plus <paramref name="overrides"/>:
    /// a second replica sharing Redis, or one with other settings (the AppHost runs one gateway; these tests need more).
    /// </summary>
    public static async Task<ServiceProcess> StartGatewayAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var port = ServiceProcess.FreePort();
        var grpc = ServiceProcess.FreePort();
        var gateway = new ServiceProcess(name, RepositoryRoot.File("gateway", "Platform.Gateway"),
            new Dictionary<string, string>(environment)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{port}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}",
                ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
                ["Kestrel__Endpoints__Metrics__Url"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}", // not the AppHost gateway's
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            }, port)
        {
            GrpcAddress = new Uri($"http://127.0.0.1:{grpc}"),
        };
        await gateway.StartAsync();
        return gateway;
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public async Task DisposeAsync() => await Run.DisposeAsync();
}

/// <summary>Where a host answers: REST, and gRPC (HTTP/2 cleartext).</summary>
public sealed record GatewayAddress(Uri BaseAddress, Uri GrpcAddress);

[CollectionDefinition(nameof(RunningPlatform))]
public sealed class RunningPlatformCollection : ICollectionFixture<RunningPlatform>;
