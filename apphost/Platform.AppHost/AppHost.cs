// The platform as .NET Aspire runs it, and the only description of its topology: the servers, the four services,
// the gateway, their names, endpoints, references and secrets, and the demo data. Settings: see PlatformSettings.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.AppHost;
using Platform.AppHost.Servers;

DashboardPorts.Shift(args);
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = args,
    // Scripts that want only the servers (benchmarks) run without a dashboard: it would take a developer's ports.
    DisableDashboard = string.Equals(PlatformSettings.Early(args, "Dashboard"), "false", StringComparison.OrdinalIgnoreCase),
});
var settings = new PlatformSettings(builder.Configuration, RepositoryRoot.Find(builder.AppHostDirectory));
var secrets = new LocalSecrets(builder, Path.Combine(settings.DataDirectory, "secrets"));

var servers = settings.Servers switch
{
    ServerMode.Containers => ContainerServers.Add(builder, secrets),
    ServerMode.External => ExternalServers.Add(builder),
    _ => LocalServers.Add(builder, settings, secrets),
};
builder.AddStartWatchdog(settings);

if (settings.ServersOnly)
{
    // The servers alone (integration tests, benchmarks): once healthy, their connection strings go to servers.env.
    using var serversOnly = builder.Build();
    var serversWatchdog = serversOnly.Services.GetRequiredService<StartWatchdog>();
    try
    {
        await serversOnly.StartAsync();
        if (await serversWatchdog.Healthy)
        {
            await ServersFile.WriteAsync(servers, settings);
        }

        await serversOnly.WaitForShutdownAsync();
    }
    catch (OperationCanceledException) when (serversWatchdog.Failed)
    {
    }

    return serversWatchdog.Failed ? 1 : 0;
}

// The key the gateway signs each caller's identity with, and the services verify it with; the key that turns NIRs
// into pseudonyms (Patients only).
var identityKey = secrets.Add("identity-key");

var missions = builder.AddPlatformService<Projects.Platform_Missions>("missions", servers, identityKey);
var patients = builder.AddPlatformService<Projects.Platform_Patients>("patients", servers, identityKey)
    .WithEnvironment("Patients__Pseudonyms__Key", secrets.Add("pseudonym-key"))
    // Identities are enciphered at rest (docs/security.md): one data key (k1) and the blind-index key.
    .WithEnvironment("Patients__Protection__Keys__k1", secrets.Add("identity-data-key-k1"))
    .WithEnvironment("Patients__Protection__CurrentKey", "k1")
    .WithEnvironment("Patients__Protection__IndexKey", secrets.Add("identity-index-key"))
    .WithReference(missions); // practitioners and sites, over gRPC
var funding = builder.AddPlatformService<Projects.Platform_Funding>("funding", servers, identityKey)
    .WithReference(missions); // sites, over gRPC
var coordination = builder.AddPlatformService<Projects.Platform_Coordination>("coordination", servers, identityKey)
    .WithReference(patients); // patient statistics, over gRPC

var partners = new PartnerKeys(secrets, settings.DataDirectory);
var gateway = builder.AddProject<Projects.Platform_Gateway>("gateway", PlatformServices.WithoutLaunchSettings)
    .WithPlatformEndpoints(settings.Port(5000), settings.Port(5002))
    .WithEnvironment("Platform__Identity__Key", identityKey)
    .WithPartners(partners)
    .WithReference(servers.Cache).WaitFor(servers.Cache)
    .WithReference(patients).WaitFor(patients)
    .WithReference(missions).WaitFor(missions)
    .WithReference(funding).WaitFor(funding)
    .WithReference(coordination).WaitFor(coordination)
    .WithExternalHttpEndpoints()
    .WithGatewayUrls();

if (settings.DemoData)
{
    // The demo territory, loaded through the gateway like a partner would, once the stack is healthy; idempotent.
    builder.AddProject<Projects.Platform_DemoData>("demo-data", PlatformServices.WithoutLaunchSettings)
        .WithReference(gateway).WaitFor(gateway)
        .WithEnvironment("DemoData__ApiKey", partners.Developer);
}

gateway.OnResourceReady((_, e, _) => Announce.Gateway(e.Services, gateway.Resource, partners));
using var app = builder.Build();
PidFile.Keep(app, settings);
var watchdog = app.Services.GetRequiredService<StartWatchdog>();
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (watchdog.Failed)
{
    // The watchdog stopped a run that could not start; it said why.
}

return watchdog.Failed ? 1 : 0;
