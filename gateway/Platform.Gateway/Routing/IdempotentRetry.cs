using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// Retries a request on another replica of the service when the one chosen could not be reached (connection refused,
/// reset before any answer) — only for GET and HEAD, which are safe to send twice; a POST that may have reached a
/// service is never sent again. The failing replica is also reported to passive health checks, which take it out.
/// </summary>
public static class IdempotentRetry
{
    public const int MaxAttempts = 3;

    public static Task InvokeAsync(HttpContext context, Func<Task> next) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? WithRetriesAsync(context, next) : next();

    private static async Task WithRetriesAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations; // load balancing narrows it to the one it picks
        for (var attempt = 1; ; attempt++)
        {
            proxy.AvailableDestinations = candidates;
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || attempt >= MaxAttempts || context.Response.HasStarted
                || error.Error is not (ForwarderError.Request or ForwarderError.RequestTimedOut) || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }

            candidates = candidates.Where(d => d != failed).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
