namespace Platform.Patients.WaitingLists;

public sealed record WaitingListEntryResponse(Guid EntryId, Guid PatientId, string WaitingList, DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt, LeaveReason? LeaveReason);
