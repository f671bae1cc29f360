using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The whole topology as processes: four services on their own fresh databases, one RabbitMQ virtual host, and the
/// gateway in front, configured exactly like a local run (ConnectionStrings__*, services__*__http/grpc__0, Kestrel).
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    private static readonly (string Name, string Project, string Database)[] s_services =
    [
        ("patients", "services/Patients/Platform.Patients", "patientsdb"),
        ("missions", "services/Missions/Platform.Missions", "missionsdb"),
        ("funding", "services/Funding/Platform.Funding", "fundingdb"),
        ("coordination", "services/Coordination/Platform.Coordination", "coordinationdb"),
    ];

    private readonly List<TestDatabase> _databases = [];
    private readonly Dictionary<string, ServiceProcess> _processes = [];

    public TestVirtualHost Broker { get; private set; } = null!;

    public Dictionary<string, TestDatabase> Databases { get; } = [];

    public ServiceProcess Gateway => _processes["gateway"];

    public ServiceProcess Service(string name) => _processes[name];

    /// <summary>The API key of the test partner (role platform-admin); the gateway is given only its hash.</summary>
    public string ApiKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>A client of the gateway that presents the test partner's API key.</summary>
    public HttpClient CreateGatewayClient()
    {
        var client = CreateAnonymousGatewayClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>The key the gateway signs identities with (shared with the services).</summary>
    public string IdentityKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public HttpClient CreateAnonymousGatewayClient() => new() { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Broker = await TestVirtualHost.CreateAsync("e2e");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging"] = Broker.Uri.ToString(),
            ["Messaging__Outbox__PollInterval"] = "00:00:00.500",
            ["Patients__Pseudonyms__Key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Platform__Identity__Key"] = IdentityKey,
        };
        var ports = s_services.ToDictionary(s => s.Name, _ => (Http: ServiceProcess.FreePort(), Grpc: ServiceProcess.FreePort()));
        foreach (var (name, _, database) in s_services)
        {
            var db = await TestDatabase.CreateAsync("e2e_" + name);
            _databases.Add(db);
            Databases[name] = db;
            environment[$"ConnectionStrings__{database}"] = db.ConnectionString;
            environment[$"services__{name}__http__0"] = $"http://127.0.0.1:{ports[name].Http}";
            environment[$"services__{name}__grpc__0"] = $"http://127.0.0.1:{ports[name].Grpc}";
        }

        // Coordination first: its queue must exist before Patients publishes.
        foreach (var (name, project, _) in s_services.OrderByDescending(s => s.Name == "coordination"))
        {
            var own = new Dictionary<string, string>(environment)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{ports[name].Http}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{ports[name].Grpc}",
            };
            var process = new ServiceProcess(name, RepositoryRoot.File(project), own, ports[name].Http);
            _processes[name] = process;
            await process.StartAsync();
        }

        GatewayEnvironment = new Dictionary<string, string>(environment)
        {
            ["Gateway__Partners__e2e__KeyHash"] = Hash(ApiKey),
            ["Gateway__Partners__e2e__Role"] = "platform-admin",
            ["Gateway__Partners__e2e-limited__KeyHash"] = Hash(LimitedKey),
            ["Gateway__Partners__e2e-limited__Role"] = "platform-admin",
            ["Gateway__RateLimit__PerPartner__e2e-limited"] = LimitedPermitPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (role, key) in RoleKeys)
        {
            GatewayEnvironment[$"Gateway__Partners__e2e-{role}__KeyHash"] = Hash(key);
            GatewayEnvironment[$"Gateway__Partners__e2e-{role}__Role"] = role;
        }

        _processes["gateway"] = await StartGatewayAsync("gateway", GatewayEnvironment);
    }

    /// <summary>The gateway's configuration, for a second replica.</summary>
    public Dictionary<string, string> GatewayEnvironment { get; private set; } = [];

    /// <summary>One key per role (partner e2e-{role}).</summary>
    public Dictionary<string, string> RoleKeys { get; } = new[] { "platform-admin", "cpts-coordinator", "centre-staff", "practitioner", "funder", "ars-analyst" }
        .ToDictionary(r => r, _ => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    /// <summary>A partner with a low rate limit, for the limit tests.</summary>
    public string LimitedKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public const int LimitedPermitPerSecond = 10;

    /// <summary>Starts a gateway process (another replica, or one with other settings); the caller disposes it.</summary>
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
            }, port)
        {
            GrpcAddress = new Uri($"http://127.0.0.1:{grpc}"),
        };
        await gateway.StartAsync();
        return gateway;
    }

    private static string Hash(string key) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            await process.DisposeAsync();
        }

        await Broker.DisposeAsync();
        foreach (var db in _databases)
        {
            await db.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(RunningPlatform))]
public sealed class RunningPlatformCollection : ICollectionFixture<RunningPlatform>;
