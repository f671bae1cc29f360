namespace Platform.Missions.WaitingLists;

/// <summary>The replay asked of Patients: its pages carry this id, and the log says when the last one is applied.</summary>
public sealed record ReplayRequested(Guid RequestId);
