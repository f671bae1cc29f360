namespace Platform.Coordination.Tasks;

/// <summary>A task. <see cref="Triage"/>: its kind is unknown to this version, so any member may take it.</summary>
public sealed record TaskResponse(Guid Id, Guid PatientId, string CommuneCode, string Kind, string Profession, string? Note, TaskState Status,
    Guid? AssignedMemberId, DateTimeOffset CreatedAt, DateTimeOffset DueBy, DateTimeOffset? DoneAt, bool Overdue, bool Triage);
