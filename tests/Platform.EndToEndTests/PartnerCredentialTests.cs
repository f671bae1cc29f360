using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEndTests;

/// <summary>Every API route of the gateway needs a partner credential; health and docs do not.</summary>
[Collection(nameof(RunningPlatform))]
public class PartnerCredentialTests(RunningPlatform platform)
{
    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "GET", "/api/coordination/indicators?commune=53130" },
        { "POST", "/api/patients" },
        { "GET", $"/api/patients/{Guid.NewGuid()}" },
        { "GET", "/api/missions/sites" },
        { "GET", "/api/funding/funders" },
        { "POST", "/api/coordination/indicators/53130/reconcile" },
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Without_a_key_an_api_route_is_a_401_problem(string method, string path)
    {
        using var anonymous = platform.CreateAnonymousGatewayClient();
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_and_writes_nothing()
    {
        using var forger = platform.CreateAnonymousGatewayClient();
        forger.DefaultRequestHeaders.Add("X-Api-Key", platform.ApiKey + "0");
        var before = await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients");

        var response = await forger.PostAsJsonAsync("/api/patients", new { nir = Platform.Testing.Nirs.Valid(), firstName = "A", lastName = "B", birthDate = "1950-03-01", communeCode = "53130" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/docs/")]
    [InlineData("/openapi/patients.json")]
    public async Task Health_and_docs_need_no_credential(string path)
    {
        using var anonymous = platform.CreateAnonymousGatewayClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
    }
}
