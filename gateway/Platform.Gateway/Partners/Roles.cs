using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>
/// Which scope each role may be given (<see cref="PartnerScope"/>): an admin acts on the region, a practitioner on
/// their own patients (by RPPS), a health centre on its site or communes, the others on the region or a territory.
/// Roles and route policies themselves are the platform's (<see cref="PlatformRoles"/>, <see cref="PlatformPolicies"/>).
/// </summary>
public static class Roles
{
    public static IReadOnlyList<ScopeKind> ScopesOf(string role) => role switch
    {
        PlatformRoles.PlatformAdmin => [ScopeKind.Region],
        PlatformRoles.Practitioner => [ScopeKind.Practitioner],
        PlatformRoles.CentreStaff => [ScopeKind.Site, ScopeKind.Communes],
        PlatformRoles.CptsCoordinator or PlatformRoles.Funder or PlatformRoles.ArsAnalyst => [ScopeKind.Region, ScopeKind.Communes],
        _ => [],
    };

    /// <summary>Null when <paramref name="scope"/> is a valid scope for <paramref name="role"/>; otherwise why not.</summary>
    public static string? CheckScope(string role, string? scope, out PartnerScope parsed)
    {
        if (!PartnerScope.TryParse(scope, out parsed, out var error))
        {
            return error;
        }

        var allowed = ScopesOf(role);
        return allowed.Contains(parsed.Kind) ? null
            : $"A {role} key takes a scope of kind {string.Join(" or ", allowed.Select(k => k.ToString().ToLowerInvariant()))}.";
    }
}
