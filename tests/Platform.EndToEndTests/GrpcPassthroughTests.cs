using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Platform.Contracts.Grpc.Funding;
using Platform.Contracts.Grpc.Patients;

namespace Platform.EndToEndTests;

/// <summary>gRPC through the gateway's HTTP/2 endpoint: same credentials and roles as REST, and reflection.</summary>
[Collection(nameof(RunningPlatform))]
public class GrpcPassthroughTests(RunningPlatform platform)
{
    [Fact]
    public async Task A_partner_calls_a_service_over_gRPC_through_the_gateway_with_its_key_and_role()
    {
        using var channel = GrpcChannel.ForAddress(platform.Gateway.GrpcAddress);
        var statistics = new PatientStatistics.PatientStatisticsClient(channel);
        var request = new CommuneCountRequest { CommuneCode = "53130" };

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => statistics.GetCommuneCountAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var reply = await statistics.GetCommuneCountAsync(request, new Metadata { { "x-api-key", platform.RoleKeys["ars-analyst"] } });
        Assert.Equal("53130", reply.CommuneCode);

        var funders = new FunderDirectory.FunderDirectoryClient(channel);
        var outside = await Assert.ThrowsAsync<RpcException>(() =>
            funders.ListFundersAsync(new ListFundersRequest(), new Metadata { { "x-api-key", platform.RoleKeys["practitioner"] } }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, outside.StatusCode); // funding is not for practitioners
    }

    [Fact]
    public async Task Reflection_lists_every_service_the_gateway_passes_through()
    {
        using var channel = GrpcChannel.ForAddress(platform.Gateway.GrpcAddress);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("platform.patients.v1.PatientStatistics", names);
        Assert.Contains("platform.missions.v1.SiteDirectory", names);
        Assert.Contains("platform.funding.v1.FundingCoverage", names);
        Assert.Contains("platform.coordination.v1.TerritorialIndicators", names);
    }
}
