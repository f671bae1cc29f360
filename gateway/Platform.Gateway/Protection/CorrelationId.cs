using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Protection;

/// <summary>
/// Every answer carries <c>X-Correlation-Id</c>: the caller's own (if it is a sane token) or the trace id of the
/// request, which <c>traceparent</c> carries to the services; a partner quotes it when asking what happened.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Sane();

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = Sane().IsMatch(given) ? given : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Request.Headers[Header] = id;
        Activity.Current?.SetTag("correlation.id", id);
        context.Response.OnStarting(static state => // static, with the context as state: no closure per request
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.Request.Headers[Header];
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
