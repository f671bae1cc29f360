using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Servers;

/// <summary>What every resource of the platform declares: how it is seen ready, and what it checks before it starts.</summary>
internal static class ResourceReadiness
{
    /// <summary>
    /// A health check from a probe that throws when the resource does not answer as it should. The check waits for
    /// readiness: it retries the probe every 250 ms for up to 10 s before it says Unhealthy, so a resource is seen
    /// healthy a moment after it is (Aspire re-runs a failed check after 1, 2, 3… 5 s, which alone would add seconds
    /// to every level of the start).
    /// </summary>
    internal static IResourceBuilder<T> WithProbe<T>(this IResourceBuilder<T> resource, Func<CancellationToken, Task> probe)
        where T : IResource
    {
        var key = $"{resource.Resource.Name}_check";
        resource.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                try
                {
                    await probe(cancellationToken);
                    return HealthCheckResult.Healthy();
                }
#pragma warning disable CA1031 // a health check reports every failure as Unhealthy, with its message
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        return HealthCheckResult.Unhealthy(e.Message, e);
                    }
                }

                await Task.Delay(250, cancellationToken);
            }
        });
        return resource.WithHealthCheck(key);
    }

    /// <summary>Runs <paramref name="prepare"/> before the resource starts; a failure is logged on the resource.</summary>
    internal static IResourceBuilder<T> BeforeStart<T>(this IResourceBuilder<T> resource, Func<ILogger, CancellationToken, Task> prepare)
        where T : IResource =>
        resource.OnBeforeResourceStarted(async (r, e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(r);
            try
            {
                await prepare(logger, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // In the resource's logs (dashboard) and in the AppHost's console, where the developer looks first.
                logger.LogError("{Resource} cannot start: {Reason}", r.Name, ex.Message);
                e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform")
                    .LogError("{Resource} cannot start: {Reason}", r.Name, ex.Message);
                throw;
            }
        });
}
