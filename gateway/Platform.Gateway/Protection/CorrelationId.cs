using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Gateway.Protection;

/// <summary>
/// Every answer carries <c>X-Correlation-Id</c>: the caller's own (if it is a sane token), passed on to the service as
/// it came, or else the trace id of the request, which <c>traceparent</c> already carries to the services; a partner
/// quotes it when asking what happened. A caller's id that is not a sane token is not passed on.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Sane();

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        if (headers.TryGetValue(Header, out var given))
        {
            if (given.Count == 1 && Sane().IsMatch(given.ToString()))
            {
                Activity.Current?.SetTag("correlation.id", given.ToString()); // the caller's own, findable in the traces
            }
            else
            {
                headers.Remove(Header); // the answer carries the trace id instead
            }
        }

        // Static, with the context as state: no closure per request; the id is worked out when the answer starts.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.Request.Headers.TryGetValue(Header, out var own) ? own : TraceId(http);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>The trace id of the request's own span (the same in every span of its trace), or the request's id without one.</summary>
    private static string TraceId(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity && activity.TraceId != default
            ? activity.TraceId.ToHexString()
            : context.TraceIdentifier;
}
