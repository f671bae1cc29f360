using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

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
