using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Indicators;

/// <summary>
/// Funders and analysts see the territorial figures of their scope only (a territory's communes, or the region); care
/// roles and the platform's services see every commune's, as the CPTS network works across its borders.
/// </summary>
public static class AggregateScope
{
    /// <summary>The communes whose figures the caller may see, or null when it may see them all.</summary>
    public static FrozenSet<string>? CommunesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!PlatformRoles.Aggregates.Contains(user.Role()))
        {
            return null;
        }

        var scope = PartnerScope.Of(user);
        return scope.Kind switch
        {
            ScopeKind.Region => null,
            ScopeKind.Communes => scope.Communes,
            _ => FrozenSet<string>.Empty,
        };
    }

    /// <summary>A 403 naming the field whose commune or territory lies outside the caller's scope.</summary>
    public static ProblemHttpResult Outside(string field) => ScopeProblems.Outside(field, "These figures are outside your scope.");
}
