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

/// <summary>The services trust only the identity the gateway signs: reached directly, they refuse a forged one.</summary>
[Collection(nameof(RunningPlatform))]
public class TrustedIdentityTests(RunningPlatform platform)
{
    [Theory]
    [InlineData("patients", "/api/patients?commune=53130")]
    [InlineData("missions", "/api/missions/sites")]
    [InlineData("funding", "/api/funding/funders")]
    [InlineData("coordination", "/api/coordination/territories")]
    public async Task A_service_reached_directly_with_forged_identity_headers_is_a_401(string service, string path)
    {
        using var direct = new HttpClient { BaseAddress = platform.Service(service).BaseAddress };
        direct.DefaultRequestHeaders.Add("X-Platform-Partner", "forged-partner");
        direct.DefaultRequestHeaders.Add("X-Platform-Role", "platform-admin");
        direct.DefaultRequestHeaders.Add("X-Platform-Identity", "v1.eyJQIjoiZm9yZ2VkIiwiUiI6InBsYXRmb3JtLWFkbWluIiwiRXhwIjo5OTk5OTk5OTk5fQ.AAAA");

        var response = await direct.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var gateway = platform.CreateGatewayClient();
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync(path)).StatusCode); // the same route through the gateway
    }
}

/// <summary>The docs page shows partners how to authenticate: every service's document declares the gateway's schemes.</summary>
[Collection(nameof(RunningPlatform))]
public class ApiDocsTests(RunningPlatform platform)
{
    [Theory]
    [InlineData("patients")]
    [InlineData("missions")]
    [InlineData("funding")]
    [InlineData("coordination")]
    public async Task Each_OpenAPI_document_says_how_to_authenticate(string service)
    {
        using var anonymous = platform.CreateAnonymousGatewayClient();
        var document = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/openapi/{service}.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal(2, document.GetProperty("security").GetArrayLength());
    }
}
