using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults;

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

    /// <summary>
    /// Problem details for every error, and the input policy for what the pipeline reads before any handler: a query
    /// value or path with a control character (<c>%00</c>…), or a date outside the accepted range, is a 400 naming
    /// the parameter. (Bodies: see <see cref="PlainTextConverter"/>, <see cref="PlausibleDateConverter"/> and
    /// <see cref="StrictEnumConverter{TEnum}"/>.)
    /// </summary>
    public static IApplicationBuilder UsePlatformProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // No async state machine for a request that breaks no rule (every request but a refused one).
        app.Use((context, next) => RuleBrokenBy(context.Request) is var (field, rule) ? RefuseAsync(context, field, rule) : next(context));
        return app;
    }

    private static Task RefuseAsync(HttpContext context, string field, string rule)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = Problem(400, "The request breaks the input rules for this resource.",
            new Dictionary<string, string[]> { [field] = [rule] });
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        }).AsTask();
    }

    internal static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string title, Dictionary<string, string[]>? errors)
    {
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

        return problem;
    }

    /// <summary>Runs on every request (the gateway's too): reads the path without allocating, the query only if there is one.</summary>
    private static (string Field, string Rule)? RuleBrokenBy(HttpRequest request)
    {
        var path = request.Path.Value.AsSpan();
        if (TextRules.FirstControl(path, allowLineBreaks: false) is not null)
        {
            return ("path", ControlRule);
        }

        foreach (var segment in path.Split('/'))
        {
            if (!TextRules.IsPlausibleIfDate(path[segment]))
            {
                return ("path", TextRules.DateRule);
            }
        }

        if (!request.QueryString.HasValue)
        {
            return null;
        }

        foreach (var (name, values) in request.Query)
        {
            if (TextRules.FirstControl(name, allowLineBreaks: false) is not null)
            {
                return ("query", ControlRule);
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (TextRules.FirstControl(value, allowLineBreaks: false) is not null)
                {
                    return (name, ControlRule);
                }

                if (!TextRules.IsPlausibleIfDate(value))
                {
                    return (name, TextRules.DateRule);
                }
            }
        }

        return EnumQueryRule.BrokenBy(request.HttpContext);
    }

    private const string ControlRule = "Text without control characters.";

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
            var problem = Problem(status, title, errors);
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

            if (bad.InnerException is InputRejectedException rejected)
            {
                // The input policy's own words (allowed enum names, control characters), under the field at fault.
                var message = rejected.Message.Split(" Path:", 2)[0];
                return (400, "The request body breaks the input rules for this resource.",
                    new Dictionary<string, string[]> { [FieldOf(rejected, rejected.Field)] = [message] });
            }

            if (bad.InnerException is JsonException json)
            {
                return (400, "The request body is not valid JSON for this resource.",
                    new Dictionary<string, string[]> { [FieldOf(json)] = ["Invalid value for this field (wrong type or format)."] });
            }

            if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            {
                return (415, "The request body must be application/json.", null);
            }

            return (bad.StatusCode, "The request could not be read.", new Dictionary<string, string[]> { ["body"] = [bad.Message] });
        }

        private static string FieldOf(JsonException json, string? below = null)
        {
            var at = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path.TrimStart('$', '.');
            return (at, below) switch
            {
                (null, null) => "body",
                (null, _) => JsonNamingPolicy.CamelCase.ConvertName(below),
                (_, null) => at,
                _ => $"{at}.{JsonNamingPolicy.CamelCase.ConvertName(below)}",
            };
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request: {Status} {Title}")]
        private static partial void LogBadRequest(ILogger logger, int status, string title);
    }
}
