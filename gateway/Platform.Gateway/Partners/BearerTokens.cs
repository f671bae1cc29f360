using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>
/// Bearer tokens from an OpenID Connect issuer (<c>Gateway:Jwt</c>): a regional identity provider, or Pro Santé
/// Connect. The issuer's signing keys come from its discovery document; the token must be for <see cref="Audience"/>,
/// unexpired, and carry the partner (<see cref="PartnerClaim"/>), a platform role (<see cref="RoleClaim"/>) and
/// optionally a scope (<see cref="ScopeClaim"/>); the principal keeps those three only, under the platform's claim names.
/// </summary>
public sealed class BearerTokenOptions
{
    /// <summary>The issuer (its <c>/.well-known/openid-configuration</c> is read); empty: bearer tokens are not accepted.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string PartnerClaim { get; set; } = "azp";

    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim with the partner's scope (<c>region</c>, <c>communes:…</c>…); without it the partner sees no patient.</summary>
    public string ScopeClaim { get; set; } = "platform_scope";

    /// <summary>Only a development issuer may be plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tokens that name a health professional instead of a platform role (Pro Santé Connect).</summary>
    public ProfessionalOptions Professionals { get; set; } = new();
}

public static class BearerTokens
{
    /// <summary>The scheme partners authenticate with: a bearer token when one is sent, the API key otherwise.</summary>
    public const string PartnerScheme = "Partner";

    public static AuthenticationBuilder AddPartnerSchemes(this IServiceCollection services, IConfiguration configuration)
    {
        var bearer = configuration.GetSection("Gateway:Jwt").Get<BearerTokenOptions>() ?? new BearerTokenOptions();
        var enabled = !string.IsNullOrWhiteSpace(bearer.Authority);
        if (!enabled)
        {
            // API keys only: no selector scheme in front of the key handler, one handler per request instead of two.
            return services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        }

        var authentication = services.AddAuthentication(PartnerScheme)
            .AddPolicyScheme(PartnerScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return authentication.AddJwtBearer(o =>
        {
            o.Authority = bearer.Authority;
            o.Audience = bearer.Audience;
            o.RequireHttpsMetadata = bearer.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = bearer.PartnerClaim;
            o.TokenValidationParameters.RoleClaimType = bearer.RoleClaim;
            o.TokenValidationParameters.ValidateAudience = !string.IsNullOrEmpty(bearer.Audience);
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var principal = context.Principal!;
                    var roles = principal.FindAll(bearer.RoleClaim).ToList();
                    if (roles.Count == 0 && bearer.Professionals.Enabled)
                    {
                        // A professional (Pro Santé Connect): a practitioner, over their own patients.
                        if (!ProfessionalIdentity.TryMap(principal, bearer.Professionals, out var rpps, out var problem))
                        {
                            context.Fail(problem);
                            return Task.CompletedTask;
                        }

                        context.Principal = Principal($"rpps:{rpps}", PlatformRoles.Practitioner, PartnerScope.OfPractitioner(rpps));
                        return Task.CompletedTask;
                    }

                    if (principal.FindFirst(bearer.PartnerClaim) is not { } partner || roles.Count != 1 || !PlatformRoles.Partners.Contains(roles[0].Value))
                    {
                        context.Fail($"The token must carry the partner ({bearer.PartnerClaim}) and exactly one platform role ({bearer.RoleClaim}).");
                        return Task.CompletedTask;
                    }

                    var scope = PartnerScope.TryParse(principal.FindFirst(bearer.ScopeClaim)?.Value, out var parsed, out _)
                        && Roles.ScopesOf(roles[0].Value).Contains(parsed.Kind) ? parsed : PartnerScope.None;
                    context.Principal = Principal(partner.Value, roles[0].Value, scope);
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>The principal the gateway keeps: the partner, its role and its scope, under the platform's claim names.</summary>
    private static System.Security.Claims.ClaimsPrincipal Principal(string partner, string role, PartnerScope scope) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(PlatformToken.PartnerClaim, partner), new(PlatformToken.RoleClaim, role), new(PartnerScope.ClaimType, scope.ToString())],
            JwtBearerDefaults.AuthenticationScheme, PlatformToken.PartnerClaim, PlatformToken.RoleClaim));
}
