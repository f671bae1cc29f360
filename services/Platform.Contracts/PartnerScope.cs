using System.Collections.Frozen;
using System.Security.Claims;

namespace Platform.Contracts;

/// <summary>
/// What part of the territory a partner acts on, bound to its key or token and carried in the identity the gateway
/// signs (claim <c>scope</c>). Written <c>region</c>, <c>communes:53130,53054</c>, <c>site:{guid}</c> or
/// <c>practitioner:{rpps}</c>. Services enforce it: care roles see the patients of their scope, funders and analysts
/// the aggregates of their scope.
/// </summary>
public sealed class PartnerScope
{
    public const string ClaimType = "scope";
    public const int MaxCommunes = 2_000;

    private PartnerScope(ScopeKind kind, FrozenSet<string> communes, Guid? site, string? rpps)
    {
        Kind = kind;
        Communes = communes;
        Site = site;
        Rpps = rpps;
    }

    public static PartnerScope None { get; } = new(ScopeKind.None, FrozenSet<string>.Empty, null, null);

    public static PartnerScope Region { get; } = new(ScopeKind.Region, FrozenSet<string>.Empty, null, null);

    public ScopeKind Kind { get; }

    /// <summary>The communes of a <see cref="ScopeKind.Communes"/> scope (INSEE codes).</summary>
    public FrozenSet<string> Communes { get; }

    public Guid? Site { get; }

    public string? Rpps { get; }

    public static PartnerScope OfCommunes(IEnumerable<string> communes) => new(ScopeKind.Communes, communes.ToFrozenSet(StringComparer.Ordinal), null, null);

    public static PartnerScope OfSite(Guid site) => new(ScopeKind.Site, FrozenSet<string>.Empty, site, null);

    public static PartnerScope OfPractitioner(string rpps) => new(ScopeKind.Practitioner, FrozenSet<string>.Empty, null, rpps);

    /// <summary>Whether a commune is inside a region or communes scope (a site or practitioner scope covers no commune as such).</summary>
    public bool Covers(string communeCode) => Kind == ScopeKind.Region || (Kind == ScopeKind.Communes && Communes.Contains(communeCode));

    public override string ToString() => Kind switch
    {
        ScopeKind.Region => "region",
        ScopeKind.Communes => "communes:" + string.Join(',', Communes.Order(StringComparer.Ordinal)),
        ScopeKind.Site => $"site:{Site}",
        ScopeKind.Practitioner => $"practitioner:{Rpps}",
        _ => "none",
    };

    /// <summary>The scope of an authenticated caller (its <c>scope</c> claim); <see cref="None"/> when it has none or a malformed one.</summary>
    public static PartnerScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return TryParse(user.FindFirst(ClaimType)?.Value, out var scope, out _) ? scope : None;
    }

    public static bool TryParse(string? value, out PartnerScope scope, out string? error)
    {
        scope = None;
        error = null;
        var separator = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var (kind, argument) = separator < 0 ? (value, "") : (value![..separator], value[(separator + 1)..]);
        switch (kind)
        {
            case "region" when separator < 0:
                scope = Region;
                return true;
            case "communes":
                var codes = argument.Split(',', StringSplitOptions.TrimEntries);
                var invalid = codes.FirstOrDefault(c => !InseeCode.IsValid(c));
                if (argument.Length == 0 || invalid is not null || codes.Length > MaxCommunes)
                {
                    error = argument.Length == 0 || codes.Length > MaxCommunes
                        ? $"A communes scope lists 1 to {MaxCommunes} INSEE codes, comma-separated (e.g. communes:53130,53054)."
                        : $"'{invalid}' in the communes scope: {InseeCode.Problem(invalid)}";
                    return false;
                }

                scope = OfCommunes(codes);
                return true;
            case "site" when Guid.TryParse(argument, out var site):
                scope = OfSite(site);
                return true;
            case "practitioner" when Platform.Contracts.Rpps.IsValid(argument):
                scope = OfPractitioner(argument);
                return true;
            default:
                error = "A scope is 'region', 'communes:<INSEE codes, comma-separated>', 'site:<site id>' or 'practitioner:<RPPS>'.";
                return false;
        }
    }
}
