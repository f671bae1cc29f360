using Microsoft.AspNetCore.Authentication;

namespace Platform.Gateway.Partners;

/// <summary>The authentication result of a request whose partner was known at once (<see cref="KnownPartnerAuthentication"/>).</summary>
public sealed class KnownPartner(Partner partner) : IAuthenticateResultFeature
{
    public Partner Partner { get; } = partner;

    public AuthenticateResult? AuthenticateResult { get; set; } = partner.Authenticated;
}
