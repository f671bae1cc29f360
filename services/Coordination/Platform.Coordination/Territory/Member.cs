namespace Platform.Coordination.Territory;

/// <summary>A professional of the CPTS (doctor, nurse, pharmacist, ..., social worker) who can take follow-ups.</summary>
public sealed class Member
{
    public Guid Id { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public Profession Profession { get; set; }

    /// <summary>RPPS number, for the professions that have one (unique among members).</summary>
    public string? Rpps { get; set; }

    /// <summary>Where they practise: a commune of a CPTS's territory.</summary>
    public required string CommuneCode { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Whether they take follow-up tasks at the moment.</summary>
    public bool AvailableForFollowUps { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
