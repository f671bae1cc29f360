using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>A partner the gateway recognised, and where its key came from.</summary>
public sealed record Partner(string Name, string Role, string Scope, string Source)
{
    /// <summary>
    /// The caller this partner is, built once and shared by all its requests (nothing on the request path changes a
    /// principal): a request with a known key then allocates no claims, identity, principal or ticket.
    /// </summary>
    public AuthenticateResult Authenticated { get; } = AuthenticateResult.Success(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformToken.PartnerClaim, Name), new Claim(PlatformToken.RoleClaim, Role), new Claim(PartnerScope.ClaimType, Scope)],
            ApiKeyAuthenticationHandler.SchemeName, PlatformToken.PartnerClaim, PlatformToken.RoleClaim)),
        ApiKeyAuthenticationHandler.SchemeName));
}
