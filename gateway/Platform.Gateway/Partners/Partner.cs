using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>
/// A partner the gateway recognised, and where its key came from; an instance lives as long as the answer it came from
/// (the configuration, or a key store answer cached for a few seconds), with what was worked out for it meanwhile.
/// </summary>
public sealed class Partner(string name, string role, string scope, string source)
{
    public string Name { get; } = name;

    public string Role { get; } = role;

    public string Scope { get; } = scope;

    public string Source { get; } = source;

    /// <summary>
    /// The caller this partner is, built once and shared by all its requests (nothing on the request path changes a
    /// principal): a request with a known key then allocates no claims, identity, principal or ticket.
    /// </summary>
    public AuthenticateResult Authenticated { get; } = AuthenticateResult.Success(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformToken.PartnerClaim, name), new Claim(PlatformToken.RoleClaim, role), new Claim(PartnerScope.ClaimType, scope)],
            ApiKeyAuthenticationHandler.SchemeName, PlatformToken.PartnerClaim, PlatformToken.RoleClaim)),
        ApiKeyAuthenticationHandler.SchemeName));

    /// <summary>The decisions of the routes' policies for this partner, taken once (<see cref="KnownPartnerAuthorization"/>).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<Microsoft.AspNetCore.Authorization.AuthorizationPolicy, bool> Decisions { get; } = new();
}
