using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Partners;

/// <summary>A partner application allowed through the gateway, as configured under <c>Gateway:Partners:{name}</c>.</summary>
public sealed class PartnerCredential
{
    /// <summary>SHA-256 of the partner's API key, hex. The key itself is never stored or logged.</summary>
    public string KeyHash { get; set; } = string.Empty;

    /// <summary>The partner's role (platform-admin, cpts-coordinator, centre-staff, practitioner, funder, ars-analyst).</summary>
    public string Role { get; set; } = string.Empty;
}

public sealed class PartnerOptions
{
    public Dictionary<string, PartnerCredential> Partners { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Authenticates a partner from its <c>X-Api-Key</c> header: the key's SHA-256 is compared, in constant time, with
/// the configured hashes. The partner's name and role become the caller's identity.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<PartnerOptions> partners) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        foreach (var (name, partner) in partners.CurrentValue.Partners)
        {
            if (partner.KeyHash.Length == 64
                && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(partner.KeyHash)))
            {
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, partner.Role)], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>What to put in configuration for a key: its SHA-256, hex.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public static class PartnerAuthenticationExtensions
{
    /// <summary>Policy of every proxied API route: an authenticated partner.</summary>
    public const string PartnerPolicy = "partner";

    public static WebApplicationBuilder AddPartnerAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<PartnerOptions>(builder.Configuration.GetSection("Gateway"));
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PartnerPolicy, p => p.RequireAuthenticatedUser());
        return builder;
    }
}
