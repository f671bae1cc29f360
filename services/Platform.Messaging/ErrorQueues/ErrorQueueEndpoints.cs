using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Security;

namespace Platform.Messaging.ErrorQueues;

/// <summary>
/// <c>/api/{service}/admin/error-queues</c>: an operator lists this service's error queues, reads their messages
/// with the reason of each fault, and sends them back to their queue once the cause is fixed. Platform admins only.
/// </summary>
public static class ErrorQueueEndpoints
{
    public const int MaxPeek = 100;

    public static IEndpointRouteBuilder MapErrorQueues(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var service = MessagingRegistration.ServiceName(app.ServiceProvider.GetRequiredService<IHostEnvironment>().ApplicationName).ToLowerInvariant();
        var group = app.MapGroup($"/api/{service}/admin/error-queues").WithTags("Operations").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        group.MapGet("/", ListAsync).WithName("ListErrorQueues").WithSummary("This service's error queues and how many messages each holds");
        group.MapGet("/{queue}/messages", PeekAsync).WithName("PeekErrorQueue")
            .WithSummary("The first messages of an error queue, with the fault of each; they stay in the queue");
        group.MapPost("/{queue}/redeliver", RedeliverAsync).WithName("RedeliverErrorQueue")
            .WithSummary("Sends the messages (or one, by messageId) back to the queue they faulted on; the inbox applies each once");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ErrorQueueDepth>>> ListAsync(ErrorQueueBroker errors, CancellationToken ct) =>
        TypedResults.Ok(await errors.DepthsAsync(ct));

    internal static async Task<Results<Ok<IReadOnlyList<FaultedMessage>>, ProblemHttpResult, ValidationProblem>> PeekAsync(
        string queue, ErrorQueueBroker errors, ReceiveEndpointNames endpoints, CancellationToken ct, int limit = 20)
    {
        if (limit is < 1 or > MaxPeek)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"From 1 to {MaxPeek}."] });
        }

        return endpoints.SourceOf(queue) is null
            ? UnknownQueue(queue, endpoints)
            : TypedResults.Ok(await errors.PeekAsync(queue, limit, ct));
    }

    internal static async Task<Results<Ok<RedeliverResponse>, ProblemHttpResult>> RedeliverAsync(
        string queue, RedeliverRequest? request, ErrorQueueBroker errors, ReceiveEndpointNames endpoints, CancellationToken ct)
    {
        if (endpoints.SourceOf(queue) is not { } source)
        {
            return UnknownQueue(queue, endpoints);
        }

        var moved = await errors.RedeliverAsync(queue, source, request?.MessageId?.ToString(), ct);
        return TypedResults.Ok(new RedeliverResponse(queue, source, moved));
    }

    private static ProblemHttpResult UnknownQueue(string queue, ReceiveEndpointNames endpoints) =>
        TypedResults.Problem(statusCode: 404, title: $"'{queue}' is not an error queue of this service.",
            extensions: new Dictionary<string, object?>
            {
                ["field"] = "queue",
                ["errorQueues"] = endpoints.Queues.Select(q => q + ReceiveEndpointNames.ErrorSuffix).ToArray(),
            });
}
