using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Platform.Gateway.Partners;

/// <summary>
/// The routes' policies for a partner known at once (<see cref="KnownPartnerAuthentication"/>): the route's policy is
/// combined once per route, and its decision for a partner taken once and kept with the partner, since a policy made
/// only of "authenticated" and "in one of these roles" (every platform policy) depends on nothing but the partner's
/// claims. A decision is only taken here when it is to let the request through: a refusal, a route without a policy
/// (or anonymous), a policy with any other requirement or its own schemes, and every request not authenticated at once
/// go through ASP.NET Core's authorization middleware as before, which answers 401 or 403.
/// </summary>
public static class KnownPartnerAuthorization
{
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";
    private const string AuthorizationMiddlewareWithEndpointInvokedKey = "__AuthorizationMiddlewareWithEndpointInvoked";

    /// <summary>In place of <c>UseAuthorization</c>.</summary>
    public static IApplicationBuilder UsePartnerAuthorization(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policies = new RoutePolicies(app.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>());
        app.UseWhen(context => !Allowed(context, policies), middleware => middleware.UseAuthorization());
        // As for authentication: WebApplication would add UseAuthorization in front of the pipeline otherwise.
        app.Properties[AuthorizationMiddlewareSetKey] = true;
        return app;
    }

    private static readonly object s_true = true; // boxed once, not per request

    internal static bool Allowed(HttpContext context, RoutePolicies policies)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>() is not KnownPartner known
            || context.GetEndpoint() is not { } endpoint
            || policies.For(endpoint) is not { } policy
            || !known.Partner.Decisions.GetOrAdd(policy, static (p, partner) => Satisfies(p, partner), known.Partner))
        {
            return false;
        }

        // What the authorization middleware leaves for the endpoint middleware, which refuses to run a route with a
        // policy when no authorization ran (a safety net kept: it still catches a pipeline without either).
        context.Items[AuthorizationMiddlewareWithEndpointInvokedKey] = s_true;
        return true;
    }

    /// <summary>
    /// Whether the partner satisfies a policy made only of the requirements whose built-in handlers look at nothing
    /// but the user; false (so: ask the middleware) for anything else.
    /// </summary>
    private static bool Satisfies(AuthorizationPolicy policy, Partner partner)
    {
        var user = partner.Authenticated.Principal!;
        foreach (var requirement in policy.Requirements)
        {
            var met = requirement switch
            {
                DenyAnonymousAuthorizationRequirement => user.Identity?.IsAuthenticated == true,
                RolesAuthorizationRequirement roles => roles.AllowedRoles.Any(user.IsInRole),
                _ => false,
            };
            if (!met)
            {
                return false;
            }
        }

        return policy.Requirements.Count > 0;
    }

    /// <summary>Each route's combined policy, computed once; null when the middleware must decide (no policy, anonymous, own schemes).</summary>
    internal sealed class RoutePolicies(IAuthorizationPolicyProvider provider)
    {
        private readonly ConcurrentDictionary<Endpoint, AuthorizationPolicy?> _byRoute = new();

        public AuthorizationPolicy? For(Endpoint endpoint) => _byRoute.GetOrAdd(endpoint, Combine);

        private AuthorizationPolicy? Combine(Endpoint endpoint)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return null;
            }

            var combining = AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            return combining.IsCompletedSuccessfully && combining.Result is { AuthenticationSchemes.Count: 0 } policy ? policy : null;
        }
    }
}
