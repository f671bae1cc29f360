using Microsoft.AspNetCore.Http.Features;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

/// <summary>
/// Tags ASP.NET Core's own request metrics (<c>http.server.request.duration</c>, so requests, latency and status codes)
/// with the partner that called (<c>platform.partner</c>; <c>anonymous</c> when no credential was accepted): the 401,
/// 403 and 429 each partner receives are one query away in the gateway dashboard, without a metric of our own.
/// </summary>
public static class PartnerMetricsTag
{
    public const string Tag = "platform.partner";

    /// <summary>Tags the request with its partner at once: for a request authenticated without going through the handlers.</summary>
    public static void Add(HttpContext context, string partner) =>
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Tag, partner));

    /// <summary>Tags the request after the rest of the pipeline ran: authentication has then accepted a partner, or refused.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            Add(context, context.User.Identity?.IsAuthenticated == true ? context.User.Partner() : "anonymous");
        }
    }
}
