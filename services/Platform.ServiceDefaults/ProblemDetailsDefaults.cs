using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every error a host returns is an RFC 9457 problem details document with a trace id. Malformed JSON names the
/// field at fault (from the JSON path), an oversized body is a 413, and an unexpected exception is a 500 that
/// reveals nothing of the internals.
/// </summary>
public static partial class ProblemDetailsDefaults
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Minimal APIs then throw on unreadable bodies, so the handler below can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UsePlatformProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
        : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            var (status, title, errors) = Describe(bad);
            LogBadRequest(logger, status, title);
            httpContext.Response.StatusCode = status;
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = title,
                Type = status == StatusCodes.Status413PayloadTooLarge
                    ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14"
                    : "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            };
            if (errors is not null)
            {
                problem.Extensions["errors"] = errors;
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = problem,
                Exception = exception,
            });
        }

        internal static (int Status, string Title, Dictionary<string, string[]>? Errors) Describe(BadHttpRequestException bad)
        {
            // Minimal APIs wrap the server's own 413 in a 400 "failed to read the body": look inside.
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                || bad.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return (413, "The request body is too large.", null);
            }

            if (bad.InnerException is JsonException json)
            {
                var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
                return (400, "The request body is not valid JSON for this resource.",
                    new Dictionary<string, string[]> { [field] = ["Invalid value for this field (wrong type or format)."] });
            }

            if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            {
                return (415, "The request body must be application/json.", null);
            }

            return (bad.StatusCode, "The request could not be read.", new Dictionary<string, string[]> { ["body"] = [bad.Message] });
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request: {Status} {Title}")]
        private static partial void LogBadRequest(ILogger logger, int status, string title);
    }
}
