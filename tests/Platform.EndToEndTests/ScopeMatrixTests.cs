using System.Net;
using System.Net.Http.Json;

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
}
