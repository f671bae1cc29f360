using Microsoft.Extensions.Options;

namespace Platform.Missions.WaitingLists;

/// <summary>
/// Follows the replay Missions asked for at start until a page of Patients' answer is applied, asking again every
/// <see cref="WaitingListReplayOptions.AnswerTimeout"/> until then. Only an answer ends the watch: an enrolment arriving
/// meanwhile fills the projection with one person, not with everyone waiting.
/// </summary>
public sealed partial class WaitingListReplayWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<WaitingListReplayOptions> options,
    ILogger<WaitingListReplayWatch> logger) : BackgroundService
{
    private readonly TaskCompletionSource<DateTimeOffset> _askedAtStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The start-up step asked at <paramref name="askedAt"/>: watch for the answer.</summary>
    public void Follow(DateTimeOffset askedAt) => _askedAtStart.TrySetResult(askedAt);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing to follow when the projection was not empty at start. Any answer since that first request ends the watch.
        var askedAt = await _askedAtStart.Task.WaitAsync(stoppingToken);
        var timeout = options.Value.AnswerTimeout;
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(timeout, time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var replay = scope.ServiceProvider.GetRequiredService<WaitingListReplay>();
                if (await replay.AnsweredSinceAsync(askedAt, stoppingToken))
                {
                    return;
                }

                LogAskedAgain(logger, timeout, await replay.RequestAsync(stoppingToken), attempt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWatchFailed(logger, ex, timeout);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Waiting-list projection: no answer from Patients within {Timeout}; replay {RequestId} asked again (attempt {Attempt}). Is Patients running a version that answers replays?")]
    private static partial void LogAskedAgain(ILogger logger, TimeSpan timeout, Guid requestId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting-list projection: the replay watch could not check for an answer; it checks again in {Timeout}")]
    private static partial void LogWatchFailed(ILogger logger, Exception ex, TimeSpan timeout);
}
