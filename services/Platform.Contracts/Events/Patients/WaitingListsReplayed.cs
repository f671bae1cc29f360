namespace Platform.Contracts.Events;

/// <summary>
/// One page of the waiting-list entries open when Patients answered a <see cref="WaitingListsReplayRequested"/>, each
/// with its patient's commune at that time. A snapshot for Missions' projection only: unlike <see cref="PatientEnrolled"/>,
/// no one counts it as an enrolment. <paramref name="Last"/> is set on the final page (an empty registry answers one
/// empty last page).
/// </summary>
public sealed record WaitingListsReplayed(Guid RequestId, int Page, bool Last, IReadOnlyList<OpenWaitingEntry> Entries) : IIntegrationEvent;
