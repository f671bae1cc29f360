using Microsoft.AspNetCore.Http;
using Platform.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.UnitTests;

/// <summary>The gateway retries reads on another replica when the first cannot be reached, and never a write.</summary>
public class IdempotentRetryTests
{
    private sealed class Unreachable : IForwarderErrorFeature
    {
        public ForwarderError Error => ForwarderError.Request;

        public Exception? Exception => null;
    }

    private static (DefaultHttpContext Context, List<string> Tried) Pipeline(string method, params string[] names)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        var destinations = (names.Length == 0 ? ["a", "b", "c"] : names).Select(n => new DestinationState(n)).ToArray();
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
        {
            Route = null!,
            Cluster = null!,
            AllDestinations = destinations,
            AvailableDestinations = destinations,
        });
        return (context, []);
    }

    private static RequestDelegate Forward(DefaultHttpContext context, List<string> tried, params string[] dead) => _ =>
    {
        var proxy = context.GetReverseProxyFeature();
        var chosen = proxy.AvailableDestinations[0]; // what load balancing would pick
        proxy.AvailableDestinations = [chosen];
        proxy.ProxiedDestination = chosen;
        tried.Add(chosen.DestinationId);
        if (dead.Contains(chosen.DestinationId))
        {
            context.Response.StatusCode = 502;
            context.Features.Set<IForwarderErrorFeature>(new Unreachable());
        }
        else
        {
            context.Response.StatusCode = 200;
        }

        return Task.CompletedTask;
    };

    [Fact]
    public async Task A_read_goes_to_the_next_replica_when_the_first_cannot_be_reached()
    {
        var (context, tried) = Pipeline("GET");

        await IdempotentRetry.InvokeAsync(context, Forward(context, tried, "a", "b"));

        Assert.Equal(["a", "b", "c"], tried);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(context.Features.Get<IForwarderErrorFeature>());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task A_write_is_never_sent_twice(string method)
    {
        var (context, tried) = Pipeline(method);

        await IdempotentRetry.InvokeAsync(context, Forward(context, tried, "a"));

        Assert.Equal(["a"], tried);
        Assert.Equal(502, context.Response.StatusCode);
    }

    [Fact]
    public async Task Retries_stop_after_three_attempts()
    {
        var (context, tried) = Pipeline("GET");

        await IdempotentRetry.InvokeAsync(context, Forward(context, tried, "a", "b", "c"));

        Assert.Equal(IdempotentRetry.MaxAttempts, tried.Count);
        Assert.Equal(502, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_read_through_a_kubernetes_service_is_tried_once_more_on_a_new_connection()
    {
        var (context, tried) = Pipeline("GET", "service");
        var stoppedPod = Forward(context, tried, "service");
        var livePod = Forward(context, tried);
        await IdempotentRetry.InvokeAsync(context, c => tried.Count == 0 ? stoppedPod(c) : livePod(c));

        Assert.Equal(["service", "service"], tried); // the same address again: a new connection, another pod
        Assert.Equal(200, context.Response.StatusCode);

        var (deadContext, deadTries) = Pipeline("GET", "service");
        await IdempotentRetry.InvokeAsync(deadContext, Forward(deadContext, deadTries, "service"));
        Assert.Equal(["service", "service"], deadTries); // once more only
        Assert.Equal(502, deadContext.Response.StatusCode);

        var (writeContext, writes) = Pipeline("POST", "service");
        await IdempotentRetry.InvokeAsync(writeContext, Forward(writeContext, writes, "service"));
        Assert.Equal(["service"], writes);
    }
}
