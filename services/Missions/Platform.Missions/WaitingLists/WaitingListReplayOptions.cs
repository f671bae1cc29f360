namespace Platform.Missions.WaitingLists;

/// <summary>How long Missions waits for Patients to answer the replay it asked at start (<c>Missions:WaitingListReplay</c>).</summary>
public sealed class WaitingListReplayOptions
{
    /// <summary>
    /// With no page of the answer applied after this long, the request is asked again (and again, a warning each time):
    /// during the upgrade that brings the replay, Patients may not run the answering version yet, and a request published
    /// before its queue exists is dropped by the broker.
    /// </summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
