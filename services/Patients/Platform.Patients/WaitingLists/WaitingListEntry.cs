namespace Platform.Patients.WaitingLists;

/// <summary>A patient's place on one waiting list, from enrolment to leaving it (with the reason).</summary>
public sealed class WaitingListEntry
{
    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    /// <summary><c>territory:{code}</c> or <c>site:{site id}</c>.</summary>
    public required string ListId { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }

    /// <summary>Day of enrolment as a day number (days since 0001-01-01, UTC), so days waited order in SQL.</summary>
    public int EnrolledDay { get; init; }

    public DateTimeOffset? LeftAt { get; set; }

    public LeaveReason? LeaveReason { get; set; }

    public void Leave(LeaveReason reason, DateTimeOffset at)
    {
        LeftAt = at;
        LeaveReason = reason;
    }

    public int DaysWaited(DateTimeOffset now) => DateOnly.FromDateTime((LeftAt ?? now).UtcDateTime).DayNumber - EnrolledDay;
}
