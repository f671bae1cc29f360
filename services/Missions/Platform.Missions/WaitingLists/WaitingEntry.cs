namespace Platform.Missions.WaitingLists;

/// <summary>
/// A waiting-list entry as Patients announced it (PatientEnrolled, PatientLeftWaitingList): the planner's own record of
/// who waits, so that planning needs no call to Patients. No identity: a patient id and dates only.
/// </summary>
public sealed class WaitingEntry
{
    public Guid EntryId { get; init; }

    public Guid PatientId { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }

    public DateTimeOffset? LeftAt { get; set; }
}
