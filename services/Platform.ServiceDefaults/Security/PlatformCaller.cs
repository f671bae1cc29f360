using System.Security.Claims;

namespace Platform.ServiceDefaults.Security;

/// <summary>The caller a service validated: the partner (or calling service) and its role, from the platform token.</summary>
public static class PlatformCaller
{
    public static string Partner(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(PlatformToken.PartnerClaim)?.Value ?? "unknown";
    }

    public static string Role(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(PlatformToken.RoleClaim)?.Value ?? "none";
    }

    /// <summary>"partner (role)", as recorded in histories.</summary>
    public static string Describe(this ClaimsPrincipal user) => $"{user.Partner()} ({user.Role()})";
}
