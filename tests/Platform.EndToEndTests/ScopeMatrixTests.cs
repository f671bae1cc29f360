using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The role matrix of docs/roles.md, cell by cell, through the gateway: 401 without a credential, 403 outside the
/// route's roles, through (any answer but 401/403) inside them. Writes send an empty body: allowed ones are then
/// refused by the service's validation (400), so the walk writes nothing.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class ScopeMatrixTests(RunningPlatform platform)
{
    private const string A = "platform-admin", C = "cpts-coordinator", S = "centre-staff", P = "practitioner", F = "funder", N = "ars-analyst";

    /// <summary>One request per route policy and the roles allowed on it: the matrix itself.</summary>
    private static readonly (string Policy, string Method, string Path, string[] Allowed)[] s_matrix =
    [
        ("patients-read", "GET", "/api/patients/waiting-lists/territory/matrix", [A, C, S, P, F, N]),
        ("patients-write", "POST", "/api/patients", [A, C, S, P]),
        ("patients-write (imports)", "POST", "/api/patients/imports", [A, C, S, P]),
        ("missions-read", "GET", "/api/missions/sites", [A, C, S, P, F, N]),
        ("missions-write", "POST", "/api/missions/sites", [A, C, S]),
        ("funding-read", "GET", "/api/funding/funders", [A, C, F, N]),
        ("funding-write", "POST", "/api/funding/funders", [A, F]),
        ("coordination-read", "GET", "/api/coordination/territories", [A, C, S, P, F, N]),
        ("coordination-write", "POST", "/api/coordination/members", [A, C, S]),
        ("zones-classify", "POST", "/api/coordination/zones/classify", [A, C, N]),
        ("zones-classify (area)", "POST", "/api/coordination/zones/classify/area", [A, C, N]),
        ("gateway-admin", "GET", "/admin/keys", [A]),
    ];

    public static TheoryData<string, string?> Cells()
    {
        var cells = new TheoryData<string, string?>();
        foreach (var (policy, _, _, _) in s_matrix)
        {
            cells.Add(policy, null);
            foreach (var role in new[] { A, C, S, P, F, N })
            {
                cells.Add(policy, role);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_cell_of_the_role_matrix_holds(string policy, string? role)
    {
        var (_, method, path, allowed) = s_matrix.Single(m => m.Policy == policy);
        using var client = platform.CreateAnonymousGatewayClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", platform.RoleKeys[role]);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        var status = (await client.SendAsync(request)).StatusCode;

        if (role is null)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
        else if (allowed.Contains(role))
        {
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{role} on {method} {path}: {(int)status}, expected to be let through");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }

    /// <summary>
    /// Scopes travel from the key to the service: keys created by an admin with a territory or a site scope reach, through
    /// the gateway, the patients of their scope only (the full role × scope walk is PatientScopeTests, in integration).
    /// </summary>
    [Fact]
    public async Task A_scoped_key_reaches_through_the_gateway_only_the_patients_of_its_scope()
    {
        using var admin = platform.CreateGatewayClient();
        var (inside, outside) = (Communes.Unique(), Communes.Unique());
        var site = await IdOf(await admin.PostAsJsonAsync("/api/missions/sites", new { name = $"Centre {Guid.NewGuid():N}", kind = "CentreDeSante", communeCode = outside }));
        var resident = await IdOf(await admin.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1952), firstName = "Yvonne", lastName = "Portee", birthDate = "1952-03-09", communeCode = inside }));
        var waiting = await IdOf(await admin.PostAsJsonAsync("/api/patients",
            new { nir = Nirs.Valid(1953), firstName = "Gaston", lastName = "Portee", birthDate = "1953-03-09", communeCode = outside }));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/patients/{waiting}/waiting-lists", new { scope = "site", key = site })).StatusCode);

        using var territory = await ClientWithNewKeyAsync(admin, "cpts-coordinator", $"communes:{inside}");
        using var centre = await ClientWithNewKeyAsync(admin, "centre-staff", $"site:{site}");

        Assert.Equal(HttpStatusCode.OK, (await territory.GetAsync($"/api/patients/{resident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await territory.GetAsync($"/api/patients/{waiting}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await centre.GetAsync($"/api/patients/{waiting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await centre.GetAsync($"/api/patients/{resident}")).StatusCode);
        var found = await centre.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/patients?name=portee");
        Assert.Equal(waiting, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> ClientWithNewKeyAsync(HttpClient admin, string role, string scope)
    {
        var created = await admin.PostAsJsonAsync("/admin/keys", new { partner = $"scoped-{Guid.NewGuid():N}"[..20], role, scope });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
        var client = platform.CreateAnonymousGatewayClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
