using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace Platform.Gateway.Routing;

/// <summary>
/// Partners that prefer gRPC call the gateway's HTTP/2 endpoint (<c>Kestrel:Endpoints:Grpc</c>, cleartext HTTP/2 locally,
/// TLS at the ingress): routes <c>/platform.{service}.v1.*</c> pass through to the service's gRPC endpoint with the same
/// credentials, roles, limits and signed identity as the REST routes. The gateway answers gRPC reflection itself, for
/// every service it passes through, so <c>grpcurl</c> or a generated client can discover them without the .proto files.
/// </summary>
public static class GrpcPassthrough
{
    public static WebApplicationBuilder AddGrpcPassthrough(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGrpc();
        var services = new[]
        {
            Platform.Contracts.Grpc.Patients.PatientsReflection.Descriptor,
            Platform.Contracts.Grpc.Missions.MissionsReflection.Descriptor,
            Platform.Contracts.Grpc.Funding.FundingReflection.Descriptor,
            Platform.Contracts.Grpc.Coordination.CoordinationReflection.Descriptor,
        }.SelectMany(file => file.Services).Append(ServerReflection.Descriptor);
        builder.Services.AddSingleton(new ReflectionServiceImpl(services));
        return builder;
    }

    public static IEndpointRouteBuilder MapGrpcReflection(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<ReflectionServiceImpl>().AllowAnonymous();
        return app;
    }
}
