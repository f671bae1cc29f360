using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.EndToEndTests;

/// <summary>
/// A small OpenID Connect issuer (discovery document and signing keys over HTTP), as a regional identity provider
/// would publish them; tokens it signs are given to a gateway configured with it as <c>Gateway:Jwt:Authority</c>.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly string _kid = Guid.NewGuid().ToString("N");

    public TestIssuer()
    {
        Authority = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        _listener.Prefixes.Add(Authority + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Authority { get; }

    public string Token(string? partner, string? role, TimeSpan? lifetime = null, string audience = "platform-gateway", string? issuer = null,
        IDictionary<string, object>? extra = null)
    {
        var claims = new List<Claim>();
        if (partner is not null)
        {
            claims.Add(new Claim("azp", partner));
        }

        if (role is not null)
        {
            claims.Add(new Claim("role", role));
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            Claims = extra,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = _kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var parameters = _rsa.ExportParameters(false);
            object body = context.Request.Url!.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => new Dictionary<string, object>
                {
                    ["issuer"] = Authority,
                    ["jwks_uri"] = Authority + "/jwks",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                },
                _ => new
                {
                    keys = new[]
                    {
                        new { kty = "RSA", use = "sig", alg = "RS256", kid = _kid, n = Base64Url.EncodeToString(parameters.Modulus), e = Base64Url.EncodeToString(parameters.Exponent) },
                    },
                },
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _rsa.Dispose();
    }
}

/// <summary>Partners with a bearer token from the configured OpenID Connect issuer; anything else is refused.</summary>
[Collection(nameof(RunningPlatform))]
public class BearerTokenTests(RunningPlatform platform)
{
    [Fact]
    public async Task Tokens_from_the_configured_issuer_are_accepted_within_their_role_and_nothing_else_is()
    {
        using var issuer = new TestIssuer();
        using var stranger = new TestIssuer();
        var environment = new Dictionary<string, string>(platform.GatewayEnvironment)
        {
            ["Gateway__Jwt__Authority"] = issuer.Authority,
            ["Gateway__Jwt__Audience"] = "platform-gateway",
            ["Gateway__Jwt__RequireHttpsMetadata"] = "false",
        };
        await using var gateway = await RunningPlatform.StartGatewayAsync("gateway-oidc", environment);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        async Task<HttpStatusCode> Send(HttpMethod method, string path, string token)
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }

        var coordinator = issuer.Token("cpts-mayenne", "cpts-coordinator");
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "/api/coordination/territories", coordinator));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, "/api/funding/funders", coordinator)); // outside the role

        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/coordination/territories", issuer.Token("cpts-mayenne", "cpts-coordinator", TimeSpan.FromMinutes(-5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/coordination/territories", stranger.Token("cpts-mayenne", "platform-admin")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/coordination/territories", stranger.Token("x", "platform-admin", issuer: issuer.Authority)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/coordination/territories", issuer.Token("cpts-mayenne", "cpts-coordinator", audience: "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/coordination/territories", issuer.Token("cpts-mayenne", null)));

        var parts = coordinator.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("cpts-coordinator", "platform-admin", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/admin/keys", tampered));

        // API keys keep working next to tokens.
        using var keyed = new HttpClient { BaseAddress = gateway.BaseAddress };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", platform.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/coordination/territories")).StatusCode);
    }

    [Fact]
    public async Task A_pro_sante_connect_physician_is_a_practitioner_over_their_own_patients_and_other_professions_are_refused()
    {
        using var issuer = new TestIssuer();
        var environment = new Dictionary<string, string>(platform.GatewayEnvironment)
        {
            ["Gateway__Jwt__Authority"] = issuer.Authority,
            ["Gateway__Jwt__Audience"] = "platform-gateway",
            ["Gateway__Jwt__RequireHttpsMetadata"] = "false",
            ["Gateway__Jwt__Professionals__Enabled"] = "true",
        };
        await using var gateway = await RunningPlatform.StartGatewayAsync("gateway-psc", environment);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        // What Pro Santé Connect puts in a token: the national identifier ("8" + RPPS) and the exercised professions.
        string Professional(string nationalId, string profession) => issuer.Token(null, null, extra: new Dictionary<string, object>
        {
            ["SubjectNameID"] = nationalId,
            ["SubjectRefPro"] = new Dictionary<string, object> { ["exercices"] = new[] { new Dictionary<string, object> { ["codeProfession"] = profession } } },
        });

        async Task<HttpResponseMessage> Get(string path, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request);
        }

        var physician = Professional("810101234564", "10");
        var patients = await Get("/api/patients", physician);
        Assert.Equal(HttpStatusCode.OK, patients.StatusCode);
        Assert.Empty((await patients.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()); // none consulted yet: none seen
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/api/funding/funders", physician)).StatusCode); // a practitioner, nothing more

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/patients", Professional("810101234564", "60"))).StatusCode); // a nurse: not admitted here
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/patients", Professional("810101234565", "10"))).StatusCode); // not an RPPS (check digit)
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/patients", Professional("012345678", "10"))).StatusCode); // an ADELI identifier
    }
}
