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
