namespace Platform.Coordination.Tasks;

/// <summary>Follow-up work for a member of the CPTS, born from a consultation's orientation.</summary>
public sealed class CoordinationTask
{
    public Guid Id { get; init; }

    public Guid OrientationId { get; init; }

    /// <summary>Opaque patient id (identity stays in the Patients service).</summary>
    public Guid PatientId { get; init; }

    public required string CommuneCode { get; init; }

    /// <summary>What the orientation asks: Specialist, NurseFollowUp, Pharmacy, SocialWorker.</summary>
    public required string Kind { get; init; }

    /// <summary>The profession of the member who should take it; <see cref="AnyProfession"/> for a kind this version does not know.</summary>
    public required string Profession { get; init; }

    /// <summary>The profession of a task whose kind is unknown here (from a newer Patients): any member may take it.</summary>
    public const string AnyProfession = "Any";

    /// <summary>The orientation kinds this version knows, and the profession each asks for.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProfessionByKind = new Dictionary<string, string>
    {
        ["NurseFollowUp"] = "Nurse",
        ["Pharmacy"] = "Pharmacist",
        ["SocialWorker"] = "SocialWorker",
        ["Specialist"] = "Doctor",
    };

    public string? Note { get; init; }

    public TaskState Status { get; set; }

    /// <summary>The member (of the task's profession) who took it.</summary>
    public Guid? AssignedMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset DueBy { get; init; }

    public DateTimeOffset? DoneAt { get; set; }
}
