using Microsoft.AspNetCore.Authentication;

namespace Platform.Gateway.Partners;

/// <summary>
/// Authentication of a request whose API key this replica already knows (a configured key, or a stored key whose answer
/// is cached): the caller becomes the partner's shared principal and ASP.NET Core's authentication middleware is
/// skipped, with the request scope, handler and ticket it builds for every request. Everything else (no key, a key
/// seen for the first time or whose cached answer expired, an unknown or malformed key, a bearer token) goes through
/// the authentication middleware and its handlers as before. Authorization, the routes' role policies, runs for every
/// request either way. The request's metrics are tagged with the partner here, at once or after the handlers.
/// </summary>
public static class KnownPartnerAuthentication
{
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>In place of <c>UseAuthentication</c>: the known key at once, anything else through the handlers.</summary>
    public static IApplicationBuilder UsePartnerAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var directory = app.ApplicationServices.GetRequiredService<PartnerDirectory>();
        app.UseWhen(context => !TryAuthenticate(context, directory), handlers => handlers
            .Use(PartnerMetricsTag.InvokeAsync) // the partner (or "anonymous") once the handlers have said
            .UseAuthentication());
        // WebApplication adds UseAuthentication in front of the whole pipeline unless the application called it; a call
        // in a branch does not count (the branch has its own properties), so say here that it is done, as
        // UseAuthentication itself would (its key, AuthAppBuilderExtensions.AuthenticationMiddlewareSetKey).
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    internal static bool TryAuthenticate(HttpContext context, PartnerDirectory directory)
    {
        var headers = context.Request.Headers;
        if (headers.Authorization.Count != 0
            || !ApiKeyAuthenticationHandler.TryReadKey(headers, out var key)
            || !directory.TryFindKnown(key, out var partner))
        {
            return false;
        }

        context.User = partner.Authenticated.Principal!;
        PartnerMetricsTag.Add(context, partner.Name);
        context.Features.Set<IAuthenticateResultFeature>(new KnownPartner(partner)); // what the role policies read
        return true;
    }
}
