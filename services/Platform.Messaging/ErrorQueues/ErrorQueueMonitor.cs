using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;

namespace Platform.Messaging.ErrorQueues;

/// <summary>
/// Every 30 s, the depth of each of this service's error queues as the gauge <c>platform.messaging.error_queue.messages</c>
/// (tag <c>queue</c>), and a warning naming the queue when it grows: a faulted message is never silent.
/// </summary>
internal sealed partial class ErrorQueueMonitor(ErrorQueueBroker errors, IMeterFactory meters, PlatformInstance instance, ILogger<ErrorQueueMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _depths = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        meters.Create(instance.Meter(MessagingMetrics.MeterName)).CreateObservableGauge("platform.messaging.error_queue.messages",
            () => _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
            description: "Messages waiting in each error queue of this service (see docs/operations.md, 'Error queues').");
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                foreach (var depth in await errors.DepthsAsync(stoppingToken))
                {
                    var before = _depths.GetValueOrDefault(depth.Queue);
                    _depths[depth.Queue] = depth.Messages;
                    if (depth.Messages > before)
                    {
                        LogGrowing(logger, depth.Queue, depth.Messages);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreadable(logger, ex.GetType().Name); // the broker is down: the health report says so already
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Error queue {Queue} holds {Messages} message(s): read them with GET /api/<service>/admin/error-queues/{Queue}/messages (docs/operations.md, 'Error queues')")]
    private static partial void LogGrowing(ILogger logger, string queue, long messages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Error queues not read this time ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string error);
}
