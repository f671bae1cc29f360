namespace Platform.Contracts.Events;

/// <summary>An open waiting-list entry in a <see cref="WaitingListsReplayed"/> page (no identity: ids and a commune).</summary>
public sealed record OpenWaitingEntry(Guid EntryId, Guid PatientId, string CommuneCode, DateTimeOffset EnrolledAt);
