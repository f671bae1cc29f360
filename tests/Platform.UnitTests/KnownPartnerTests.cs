using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Gateway.Partners;

namespace Platform.UnitTests;

/// <summary>
/// The gateway's fast path for a known partner decides only what the authorization middleware would have let through,
/// and hands everything else to it.
/// </summary>
public class KnownPartnerTests
{
    private static readonly Partner Analyst = new("ars", "funder-analyst", "region", "configuration");

    private static DefaultHttpContext Request(Partner? partner, AuthorizationPolicy? policy, bool anonymous = false)
    {
        var context = new DefaultHttpContext();
        if (partner is not null)
        {
            context.User = partner.Authenticated.Principal!;
            context.Features.Set<IAuthenticateResultFeature>(new KnownPartner(partner));
        }

        var metadata = new List<object>();
        if (policy is not null)
        {
            metadata.Add(policy);
        }

        if (anonymous)
        {
            metadata.Add(new AllowAnonymousAttribute());
        }

        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "route"));
        return context;
    }

    private static KnownPartnerAuthorization.RoutePolicies Policies() =>
        new(new DefaultAuthorizationPolicyProvider(Options.Create(new AuthorizationOptions())));

    [Fact]
    public void A_known_partner_in_the_routes_role_is_let_through()
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole("platform-admin", "funder-analyst").Build();
        Assert.True(KnownPartnerAuthorization.Allowed(Request(Analyst, policy), Policies()));
    }

    [Fact]
    public void A_known_partner_outside_the_routes_roles_is_left_to_the_middleware_which_refuses()
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole("cpts-coordinator").Build();
        Assert.False(KnownPartnerAuthorization.Allowed(Request(Analyst, policy), Policies()));
    }

    [Fact]
    public void Any_other_requirement_own_schemes_anonymous_routes_and_unknown_callers_are_left_to_the_middleware()
    {
        var claim = new AuthorizationPolicyBuilder().RequireRole("funder-analyst").RequireClaim("platform_scope", "communes:53130").Build();
        Assert.False(KnownPartnerAuthorization.Allowed(Request(Analyst, claim), Policies()));
        var schemes = new AuthorizationPolicyBuilder("Bearer").RequireRole("funder-analyst").Build();
        Assert.False(KnownPartnerAuthorization.Allowed(Request(Analyst, schemes), Policies()));
        var role = new AuthorizationPolicyBuilder().RequireRole("funder-analyst").Build();
        Assert.False(KnownPartnerAuthorization.Allowed(Request(Analyst, role, anonymous: true), Policies()));
        Assert.False(KnownPartnerAuthorization.Allowed(Request(Analyst, policy: null), Policies()));
        Assert.False(KnownPartnerAuthorization.Allowed(Request(partner: null, role), Policies()));
    }
}
