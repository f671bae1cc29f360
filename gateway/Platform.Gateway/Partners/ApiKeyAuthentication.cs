using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>A partner application allowed through the gateway, as configured under <c>Gateway:Partners:{name}</c>.</summary>
public sealed class PartnerCredential
{
    /// <summary>SHA-256 of the partner's API key, hex. The key itself is never stored or logged.</summary>
    public string KeyHash { get; set; } = string.Empty;

    /// <summary>The partner's role (platform-admin, cpts-coordinator, centre-staff, practitioner, funder, ars-analyst).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>What part of the territory the partner acts on (<c>region</c>, <c>communes:…</c>, <c>site:…</c>, <c>practitioner:…</c>).</summary>
    public string Scope { get; set; } = string.Empty;
}

public sealed class PartnerOptions
{
    public Dictionary<string, PartnerCredential> Partners { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Authenticates a partner from its <c>X-Api-Key</c> header through the <see cref="PartnerDirectory"/> (keys from
/// configuration, compared in constant time, then keys created by an admin, kept hashed in Redis). The partner's name
/// and role become the caller's identity. A key that cannot be checked because the key store is down is a 503, not a
/// 401: the credential may well be valid.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PartnerDirectory directory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string StoreDown = "platform.key-store-down";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]) || values[0]!.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var (result, partner) = await directory.FindAsync(values[0]!);
        switch (result)
        {
            case KeyLookup.Found:
                var identity = new ClaimsIdentity(
                    [new Claim(PlatformToken.PartnerClaim, partner!.Name), new Claim(PlatformToken.RoleClaim, partner.Role), new Claim(PartnerScope.ClaimType, partner.Scope)],
                    SchemeName, PlatformToken.PartnerClaim, PlatformToken.RoleClaim);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
            case KeyLookup.StoreUnavailable:
                Context.Items[StoreDown] = true;
                return AuthenticateResult.Fail("The key store cannot be reached.");
            default:
                return AuthenticateResult.Fail("Unknown API key.");
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(StoreDown))
        {
            Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: 503, title: "Your key cannot be checked right now; try again in a few seconds.").ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await base.HandleChallengeAsync(properties);
    }
}

public static class PartnerAuthenticationExtensions
{
    /// <summary>
    /// API keys (configuration and Redis key store), the role policies of the routes, and the partner rate limit;
    /// Redis is <c>ConnectionStrings:cache</c>.
    /// </summary>
    public static WebApplicationBuilder AddPartnerAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.Configuration.GetConnectionString("cache")
            ?? throw new InvalidOperationException("Connection string 'cache' is missing: set ConnectionStrings__cache (Redis: partner keys and rate limits).");
        var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        redisOptions.AbortOnConnectFail = false; // start, and keep serving, while Redis is down
        redisOptions.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast; // while it is down, fail at once rather than queue
        redisOptions.ConnectTimeout = 2000;
        redisOptions.SyncTimeout = 1000;
        redisOptions.AsyncTimeout = 1000;
        builder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddOptions<PartnerOptions>().Bind(builder.Configuration.GetSection("Gateway"))
            .Validate(o => o.Partners.All(p => PlatformRoles.Partners.Contains(p.Value.Role) && Roles.CheckScope(p.Value.Role, p.Value.Scope, out _) is null),
                "Gateway:Partners: each partner needs a Role among " + string.Join(", ", PlatformRoles.Partners) + " and a Scope its role may have (see docs/roles.md).")
            .ValidateOnStart();
        builder.Services.Configure<Protection.RateLimitOptions>(builder.Configuration.GetSection("Gateway:RateLimit"));
        builder.Services.AddPartnerSchemes(builder.Configuration);
        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        return builder;
    }
}
