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

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            // After the pipeline: authentication has run (or refused); the metric is recorded when the request ends.
            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Tag, context.User.Identity?.IsAuthenticated == true ? context.User.Partner() : "anonymous"));
        }
    }
}
