using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Grpc.Patients;
using Platform.ServiceDefaults.Security;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>A service reached without a platform token, or with a forged, expired or misdirected one, is refused; nothing is written.</summary>
[Collection(nameof(PlatformHosts))]
public class IdentityTests(PlatformHosts hosts)
{
    private static object NewPatient() => new { nir = Nirs.Valid(1955), firstName = "Yvette", lastName = "Forge", birthDate = "1955-03-01", communeCode = "53130" };

    [Fact]
    public async Task Without_a_signed_identity_or_with_forged_headers_a_service_refuses_and_writes_nothing()
    {
        var before = await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patients");
        using var direct = hosts.Patients.CreateClient();
        direct.DefaultRequestHeaders.Add("X-Platform-Partner", "forged-partner");
        direct.DefaultRequestHeaders.Add("X-Platform-Role", "platform-admin");

        var forged = await direct.PostAsJsonAsync("/api/patients", NewPatient());

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);

        foreach (var token in new[]
                 {
                     PlatformHosts.Token("forger", "platform-admin", "region", "patients", key: "a-key-that-is-not-the-platform-one-0123456789"),
                     PlatformHosts.Token("cpts-laval", "platform-admin", "region", "patients", DateTimeOffset.UtcNow.AddMinutes(-5)), // expired
                     PlatformHosts.Token("cpts-laval", "platform-admin", "region", "missions"), // for another service
                 })
        {
            using var client = hosts.Patients.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var refused = await client.PostAsJsonAsync("/api/patients", NewPatient());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patients"));
        Assert.Equal(HttpStatusCode.OK, (await hosts.Patients.CreateClient().GetAsync("/health")).StatusCode); // health needs no identity
    }

    [Fact]
    public async Task The_audit_records_the_signed_partner_and_role()
    {
        using var coordinator = PlatformHosts.ClientOf(hosts.Patients, "cpts-laval", "cpts-coordinator");
        var id = (await (await coordinator.PostAsJsonAsync("/api/patients", NewPatient())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/patients/{id}")).StatusCode);

        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/audit");
        var read = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "read");
        Assert.Equal("cpts-laval", read.GetProperty("partner").GetString());
        Assert.Equal("cpts-coordinator", read.GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_grpc_side_door_is_closed_a_call_without_a_service_identity_is_unauthenticated()
    {
        var anonymous = new PatientStatistics.PatientStatisticsClient(PlatformHosts.GrpcChannelOf(hosts.Patients, caller: null));
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        foreach (var service in new[] { "missions", "funding", "coordination" })
        {
            // Every service's gRPC endpoint: no identity, no answer (the method does not matter, the endpoint refuses first).
            var channel = service switch
            {
                "missions" => PlatformHosts.GrpcChannelOf(hosts.Missions, caller: null),
                "funding" => PlatformHosts.GrpcChannelOf(hosts.Funding, caller: null),
                _ => PlatformHosts.GrpcChannelOf(hosts.Coordination, caller: null),
            };
            var call = service switch
            {
                "missions" => new Platform.Contracts.Grpc.Missions.SiteDirectory.SiteDirectoryClient(channel).ListSitesAsync(new()).ResponseAsync,
                "funding" => new Platform.Contracts.Grpc.Funding.FunderDirectory.FunderDirectoryClient(channel).ListFundersAsync(new()).ResponseAsync,
                _ => (Task)new Platform.Contracts.Grpc.Coordination.TerritorialIndicators.TerritorialIndicatorsClient(channel).GetCommuneIndicatorsAsync(new() { CommuneCode = "53130" }).ResponseAsync,
            };
            Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode);
        }

        var withIdentity = new PatientStatistics.PatientStatisticsClient(PlatformHosts.GrpcChannelOf(hosts.Patients, caller: "coordination"));
        var unknown = await withIdentity.GetPatientSummaryAsync(new PatientSummaryRequest { PatientId = Guid.NewGuid().ToString() });
        Assert.False(unknown.Found); // let in: the patient simply does not exist
    }

    [Fact]
    public void Every_route_of_every_service_states_a_platform_policy_and_only_probes_metrics_and_documents_are_anonymous()
    {
        string[] anonymous = ["/health", "/health/dependencies", "/alive", "/metrics", "/openapi/{documentName}.json", "/coordination/{file?}"]; // /metrics: on the metrics port only
        var endpoints = new[] { hosts.Patients.Services, hosts.Missions.Services, hosts.Funding.Services, hosts.Coordination.Services }
            .SelectMany(services => services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            .ToList();
        Assert.True(endpoints.Count > 80, $"{endpoints.Count} endpoints found");

        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.Contains(route, anonymous);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0 && policies.All(p => p is not null && PlatformPolicies.Roles.ContainsKey(p)),
                $"{route} states no platform policy ({string.Join(", ", policies)})");
        }
    }
}
