using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The identity a caller carries to a service: a JWT (RFC 7519) signed HS256 with <c>Platform:Identity:Key</c>, issued
/// by the gateway for a partner or by a platform service for itself, for one audience (the service called), valid at
/// most <see cref="MaxLifetime"/>. Claims: <c>sub</c> the partner (or calling service), <c>role</c>, <c>scope</c> the
/// partner's territory (<c>Platform.Contracts.PartnerScope</c>). Services validate it with ASP.NET Core's JWT bearer
/// handler (<see cref="PlatformAuthentication"/>).
/// </summary>
public static class PlatformToken
{
    public const string KeySetting = "Platform:Identity:Key";
    public const string Issuer = "platform";
    public const string PartnerClaim = "sub";
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope";
    public const int MinimumKeyLength = 32;

    /// <summary>How long the tokens the platform issues live; a token that says it lives longer is refused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The longest lifetime (expiry − not-before) a service accepts.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Tolerated clock difference between the issuer and the service.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private static readonly JsonWebTokenHandler s_handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The signing key from configuration; a missing or short key stops the host with a clear message.</summary>
    public static SymmetricSecurityKey Key(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[KeySetting];
        if (string.IsNullOrEmpty(value) || value.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"{KeySetting} must be set ({MinimumKeyLength}+ characters, a secret from configuration): callers' identities are signed and checked with it.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(value)) { KeyId = "platform-identity" };
    }

    /// <summary>A token for <paramref name="audience"/> (the service called), valid <see cref="Lifetime"/> from <paramref name="now"/>.</summary>
    public static string Create(string partner, string role, string? scope, string audience, DateTimeOffset now, SecurityKey key)
    {
        var claims = new Dictionary<string, object>(3, StringComparer.Ordinal) { [PartnerClaim] = partner, [RoleClaim] = role };
        if (!string.IsNullOrEmpty(scope))
        {
            claims[ScopeClaim] = scope;
        }

        return s_handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a service checks: signature, issuer, its own audience, expiry, and a lifetime of at most <see cref="MaxLifetime"/>.</summary>
    public static TokenValidationParameters ValidationParameters(SecurityKey key, string audience, TimeProvider time) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        NameClaimType = PartnerClaim,
        RoleClaimType = RoleClaim,
        LifetimeValidator = (notBefore, expires, _, _) => IsShortLived(notBefore, expires, time.GetUtcNow().UtcDateTime),
    };

    /// <summary>Valid now (within the clock skew), with a not-before, and not meant to live longer than <see cref="MaxLifetime"/>.</summary>
    public static bool IsShortLived(DateTime? notBefore, DateTime? expires, DateTime now) =>
        notBefore is { } from && expires is { } until
        && until - from <= MaxLifetime
        && from <= now + ClockSkew
        && until >= now - ClockSkew;

    /// <summary>Validates a token outside the ASP.NET Core pipeline (tests, tools): the principal, or null.</summary>
    public static async Task<ClaimsPrincipal?> ValidateAsync(string token, SecurityKey key, string audience, TimeProvider time)
    {
        var result = await s_handler.ValidateTokenAsync(token, ValidationParameters(key, audience, time));
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
