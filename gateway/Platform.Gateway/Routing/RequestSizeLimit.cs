using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Routing;

internal static class RequestSizeLimit
{
    public const long DefaultLimit = 64 * 1024;

    /// <summary>The proxy step, with the limits resolved once (not from the request's services, which would build a scope per request).</summary>
    public static Func<HttpContext, RequestDelegate, Task> Using(IOptionsMonitor<GatewayLimits> limits) =>
        (context, next) => EnforceAsync(context, next, limits);

    private static Task EnforceAsync(HttpContext context, RequestDelegate next, IOptionsMonitor<GatewayLimits> limits)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        var limit = route.Metadata is not null && route.Metadata.TryGetValue("MaxRequestBodySize", out var value) && long.TryParse(value, out var parsed)
            ? parsed
            : limits.CurrentValue.MaxRequestBodySize;

        if (context.Request.ContentLength > limit)
        {
            return RefuseAsync(context, limit);
        }

        // Bodies without a length (chunked) are cut at the same limit by Kestrel.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context); // no async state machine on the way through
    }

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"This route accepts at most {limit} bytes.",
            },
        }).AsTask();
    }
}
