using Microsoft.Extensions.Hosting;
using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Platform.Contracts.Grpc.Missions;
using Platform.Contracts.Events;
using Platform.Coordination;
using Platform.Funding;
using Platform.Missions;
using Platform.Patients;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// The Patients and Coordination services in-process, each on its own fresh database, sharing one RabbitMQ virtual
/// host, plus an observer bus that records every PatientRegistered that really crossed the broker.
/// </summary>
public sealed class PlatformHosts : IAsyncLifetime
{
    public TestDatabase PatientsDb { get; private set; } = null!;
    public TestDatabase CoordinationDb { get; private set; } = null!;
    public TestDatabase FundingDb { get; private set; } = null!;
    public TestDatabase MissionsDb { get; private set; } = null!;
    public WebApplicationFactory<MissionsDbContext> Missions { get; private set; } = null!;
    public WebApplicationFactory<FundingDbContext> Funding { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;
    public WebApplicationFactory<PatientsDbContext> Patients { get; private set; } = null!;
    public WebApplicationFactory<CoordinationDbContext> Coordination { get; private set; } = null!;
    public IBusControl Observer { get; private set; } = null!;
    public ConcurrentQueue<ConsumeContext<PatientRegistered>> Observed { get; } = new();

    /// <summary>Every MissionCompleted that crossed the broker (from the Missions lifecycle saga's outbox).</summary>
    public ConcurrentQueue<MissionCompleted> ObservedCompletions { get; } = new();

    public async Task InitializeAsync()
    {
        PatientsDb = await TestDatabase.CreateAsync("it_patients");
        CoordinationDb = await TestDatabase.CreateAsync("it_coordination");
        FundingDb = await TestDatabase.CreateAsync("it_funding");
        MissionsDb = await TestDatabase.CreateAsync("it_missions");
        Broker = await TestVirtualHost.CreateAsync("it");
        // Coordination's gRPC client of Patients (indicators, pseudonyms) goes to the in-process Patients host.
        Coordination = Host<CoordinationDbContext>("coordinationdb", CoordinationDb).WithWebHostBuilder(b => b
            .UseSetting("services:patients:grpc:0", "http://patients.test")
            .ConfigureTestServices(services => services.AddGrpcClient<Platform.Contracts.Grpc.Patients.PatientStatistics.PatientStatisticsClient>()
                .ConfigurePrimaryHttpMessageHandler(() => Patients.Server.CreateHandler())));
        _ = Coordination.Server; // start it first: its queue must exist before anything is published
        Funding = Host<FundingDbContext>("fundingdb", FundingDb);
        _ = Funding.Server;
        Missions = Host<MissionsDbContext>("missionsdb", MissionsDb);
        _ = Missions.Server;
        Observer = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Broker.Uri);
            cfg.ReceiveEndpoint("integration-observer", e =>
            {
                e.Handler<PatientRegistered>(ctx =>
                {
                    Observed.Enqueue(ctx);
                    return Task.CompletedTask;
                });
                e.Handler<MissionCompleted>(ctx =>
                {
                    ObservedCompletions.Enqueue(ctx.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await Observer.StartAsync();
        Patients = StartPatients();
    }

    /// <summary>Stops the Patients host, runs <paramref name="whileDown"/>, then starts a new one (a restart).</summary>
    public async Task RestartPatientsAsync(Func<Task> whileDown)
    {
        await Patients.DisposeAsync();
        await whileDown();
        Patients = StartPatients();
    }

    /// <summary>Today's count for a commune in Coordination's projection (0 when the commune was never seen).</summary>
    public async Task<int> CountInCoordination(string commune) =>
        (int)await CoordinationDb.ScalarAsync<long>($"SELECT coalesce(max(patients_without_gp), 0) FROM commune_indicators WHERE commune_code = '{commune}'");

    public static string UniqueCommune() => Communes.Unique();

    /// <summary>
    /// Patients, with its gRPC clients of Missions (the practitioner and site directories it checks writes against)
    /// going to the in-process Missions host: service discovery resolves the name, the test server answers.
    /// </summary>
    private WebApplicationFactory<PatientsDbContext> StartPatients()
    {
        var host = Host<PatientsDbContext>("patientsdb", PatientsDb).WithWebHostBuilder(b => b
            .UseSetting("services:missions:grpc:0", "http://missions.test")
            .ConfigureTestServices(services =>
            {
                services.AddGrpcClient<PractitionerDirectory.PractitionerDirectoryClient>().ConfigurePrimaryHttpMessageHandler(() => Missions.Server.CreateHandler());
                services.AddGrpcClient<SiteDirectory.SiteDirectoryClient>().ConfigurePrimaryHttpMessageHandler(() => Missions.Server.CreateHandler());
            }));
        _ = host.Server;
        return host;
    }

    /// <summary>
    /// The patients registered with this NIR, read as the service reads them (the table holds only the NIR's blind
    /// index and the enciphered identity, see Protection/IdentityCipher).
    /// </summary>
    public async Task<List<Platform.Patients.Registry.Patient>> PatientsWithNirAsync(string nir)
    {
        await using var scope = Patients.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<Platform.Patients.Protection.IdentityCipher>().NirIndex(nir);
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Patients.Where(p => p.NirIndex == index));
    }

    /// <summary>A patient read as the service reads it (identity opened), or null.</summary>
    public async Task<Platform.Patients.Registry.Patient?> PatientAsync(Guid id)
    {
        await using var scope = Patients.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        return await db.Patients.FindAsync(id);
    }

    /// <summary>A practitioner and a site registered in Missions, for writes in Patients that must name real ones.</summary>
    public async Task<(Guid SiteId, string Rpps)> MissionsReferencesAsync(string commune = "53130")
    {
        using var missions = ClientOf(Missions);
        var rpps = RppsNumbers.Valid();
        (await missions.PostAsJsonAsync("/api/missions/practitioners",
            new { rpps, firstName = "Claire", lastName = "Vasseur", status = "Retired", homeCommuneCode = "53130" })).EnsureSuccessStatusCode();
        var site = await missions.PostAsJsonAsync("/api/missions/sites", new { name = $"Centre {Guid.NewGuid():N}", kind = "CentreDeSante", communeCode = commune });
        site.EnsureSuccessStatusCode();
        return ((await site.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), rpps);
    }

    private WebApplicationFactory<T> Host<T>(string connectionName, TestDatabase db) where T : class => HostOn<T>(connectionName, db, Broker.Uri);

    /// <summary>A service host (not started) on <paramref name="db"/> and the virtual host <paramref name="broker"/>, configured as these hosts are.</summary>
    public static WebApplicationFactory<T> HostOn<T>(string connectionName, TestDatabase db, Uri broker) where T : class =>
        new WebApplicationFactory<T>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{connectionName}", db.ConnectionString)
            .UseSetting("ConnectionStrings:messaging", broker.ToString())
            .UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200")
            .UseSetting("Patients:Pseudonyms:Key", PseudonymKey)
            .UseSetting("Patients:Protection:Keys:k1", DataKey)
            .UseSetting("Patients:Protection:CurrentKey", "k1")
            .UseSetting("Patients:Protection:IndexKey", IndexKey)
            .UseSetting(PlatformToken.KeySetting, IdentityKey)
            .UseSetting("Kestrel:Endpoints:Metrics:Url", $"http://localhost:{MetricsPort}"));

    /// <summary>The hosts' metrics port (as configured by the AppHost and the chart; in process, only the Host header tells it).</summary>
    public const int MetricsPort = 9464;

    public const string DataKey = "integration-tests-data-key-k1-0123456789abcdef";

    public const string IndexKey = "integration-tests-index-key-0123456789abcdef";

    public const string PseudonymKey = "integration-tests-pseudonym-key-0123456789";

    /// <summary>The key the gateway would sign identities with; the hosts verify them with it.</summary>
    public const string IdentityKey = "integration-tests-identity-key-0123456789abcdef";

    /// <summary>
    /// A client of a host that presents the identity the gateway would sign for this partner, role and scope, for
    /// the host's service (the audience: <c>PatientsDbContext</c> → <c>patients</c>).
    /// </summary>
    public static HttpClient ClientOf<T>(WebApplicationFactory<T> host, string partner = "integration-tests", string role = "platform-admin", string scope = "region")
        where T : class =>
        host.CreateDefaultClient(new SignedAs(partner, role, scope, AudienceOf<T>(), IdentityKey));

    /// <summary>
    /// A gRPC channel to a host; with a <paramref name="caller"/> (a service name, role service), every call carries
    /// that service's identity, as the platform's gRPC clients do; without one, calls carry none.
    /// </summary>
    public static Grpc.Net.Client.GrpcChannel GrpcChannelOf<T>(WebApplicationFactory<T> host, string? caller = "coordination")
        where T : class
    {
        HttpMessageHandler handler = host.Server.CreateHandler();
        if (caller is not null)
        {
            handler = new SignedAs(caller, PlatformRoles.Service, "region", AudienceOf<T>(), IdentityKey) { InnerHandler = handler };
        }

        return Grpc.Net.Client.GrpcChannel.ForAddress(host.Server.BaseAddress, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = handler });
    }

    public static string AudienceOf<T>() => typeof(T).Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();

    public static string Token(string partner, string role, string scope, string audience, DateTimeOffset? at = null, string key = IdentityKey) =>
        PlatformToken.Create(partner, role, scope, audience, at ?? DateTimeOffset.UtcNow, new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)));

    public async Task DisposeAsync()
    {
        await Observer.StopAsync();
        await Patients.DisposeAsync();
        await Coordination.DisposeAsync();
        await Funding.DisposeAsync();
        await Missions.DisposeAsync();
        await FundingDb.DisposeAsync();
        await MissionsDb.DisposeAsync();
        await Broker.DisposeAsync();
        await PatientsDb.DisposeAsync();
        await CoordinationDb.DisposeAsync();
    }
}

[CollectionDefinition(nameof(PlatformHosts))]
public sealed class PlatformHostsCollection : ICollectionFixture<PlatformHosts>;
