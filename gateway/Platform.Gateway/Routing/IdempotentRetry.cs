using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// Retries a request on another replica of the service when the one chosen could not be reached (connection refused,
/// reset before any answer) — only for GET and HEAD, which are safe to send twice; a POST that may have reached a
/// service is never sent again. With several destinations (local runs, service discovery listing replicas) the retry
/// goes to another one, and passive health checks take the failing one out. With a single destination — a Kubernetes
/// Service, whose ClusterIP spreads connections over its ready pods — the retry goes to the same address once more:
/// the new connection lands on a pod that is still there (a pod stopping between two endpoint updates).
/// </summary>
public static class IdempotentRetry
{
    public const int MaxAttempts = 3;

    /// <summary>Attempts on a cluster with one destination (a Kubernetes Service): the first, and one more.</summary>
    public const int SingleDestinationAttempts = 2;

    public static Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? WithRetriesAsync(context, next) : next(context);

    private static async Task WithRetriesAsync(HttpContext context, RequestDelegate next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations; // load balancing narrows it to the one it picks
        for (var attempt = 1; ; attempt++)
        {
            proxy.AvailableDestinations = candidates;
            await next(context);
            var error = context.GetForwarderErrorFeature();
            if (error is null || attempt >= MaxAttempts || context.Response.HasStarted
                || error.Error is not (ForwarderError.Request or ForwarderError.RequestTimedOut) || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }

            var others = Except(candidates, failed);
            if (others.Count == 0 && !(candidates.Count == 1 && proxy.AllDestinations.Count == 1 && attempt < SingleDestinationAttempts))
            {
                return;
            }

            candidates = others.Count > 0 ? others : candidates; // a Service: the same address, a new connection

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    // Apart, so that the lambda's closure is built on a retry only, not on every request's way through.
    private static List<DestinationState> Except(IReadOnlyList<DestinationState> candidates, DestinationState failed) =>
        candidates.Where(d => d != failed).ToList();
}
