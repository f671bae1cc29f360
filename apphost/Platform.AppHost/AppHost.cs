// The platform as .NET Aspire sees it: the same resources, names and connection strings as ./platform up
// (eng/servers.sh, eng/services.sh). tests/Platform.UnitTests/TopologyTests.cs fails when the two disagree.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
var patientsDb = postgres.AddDatabase("patientsdb");
var missionsDb = postgres.AddDatabase("missionsdb");
var fundingDb = postgres.AddDatabase("fundingdb");
var coordinationDb = postgres.AddDatabase("coordinationdb");
var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin().WithDataVolume();
var cache = builder.AddRedis("cache");
// Shared by the gateway (signs each caller's partner and role) and the services (verify it): a secret parameter,
// asked for by the dashboard or set as Parameters__identity-key.
var identityKey = builder.AddParameter("identity-key", secret: true);

var patients = builder.AddProject<Projects.Platform_Patients>("patients")
    .WithPlatformEndpoints(identityKey)
    .WithReference(patientsDb).WaitFor(patientsDb)
    .WithReference(messaging).WaitFor(messaging);

var missions = builder.AddProject<Projects.Platform_Missions>("missions")
    .WithPlatformEndpoints(identityKey)
    .WithReference(missionsDb).WaitFor(missionsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(patients);

var funding = builder.AddProject<Projects.Platform_Funding>("funding")
    .WithPlatformEndpoints(identityKey)
    .WithReference(fundingDb).WaitFor(fundingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(missions);

var coordination = builder.AddProject<Projects.Platform_Coordination>("coordination")
    .WithPlatformEndpoints(identityKey)
    .WithReference(coordinationDb).WaitFor(coordinationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(patients).WithReference(missions).WithReference(funding);

builder.AddProject<Projects.Platform_Gateway>("gateway")
    .WithEnvironment("Kestrel__Endpoints__Http__Url", "http://localhost:5000")
    .WithEnvironment("Kestrel__Endpoints__Grpc__Url", "http://localhost:5002")
    .WithEnvironment("Kestrel__Endpoints__Grpc__Protocols", "Http2")
    .WithEnvironment("Platform__Identity__Key", identityKey)
    .WithReference(cache).WaitFor(cache)
    .WithReference(patients).WaitFor(patients)
    .WithReference(missions).WaitFor(missions)
    .WithReference(funding).WaitFor(funding)
    .WithReference(coordination).WaitFor(coordination)
    .WithExternalHttpEndpoints();

builder.Build().Run();

internal static class PlatformEndpoints
{
    /// <summary>
    /// Each service listens on two Kestrel endpoints, as in every environment: "Http" (HTTP/1.1, REST) and "Grpc"
    /// (HTTP/2 cleartext). Aspire allocates the ports and publishes them as services__{name}__http__0 / __grpc__0.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformEndpoints(this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ParameterResource> identityKey) =>
        service
            .WithHttpEndpoint(name: "grpc", env: "GRPC_PORT")
            .WithEnvironment("Platform__Identity__Key", identityKey)
            .WithEnvironment(context =>
            {
                var http = service.GetEndpoint("http");
                var grpc = service.GetEndpoint("grpc");
                context.EnvironmentVariables["Kestrel__Endpoints__Http__Url"] = ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}");
                context.EnvironmentVariables["Kestrel__Endpoints__Grpc__Url"] = ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}");
            });
}
