namespace Platform.Missions.Practitioners;

/// <summary>A volunteer (or salaried) GP who takes missions, identified by RPPS.</summary>
public sealed class Practitioner
{
    public Guid Id { get; init; }

    public required string Rpps { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public PractitionerStatus Status { get; set; }

    /// <summary>INSEE code of the home commune.</summary>
    public required string HomeCommuneCode { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>When they can come (both days included); the planner uses the weeks inside them.</summary>
    public List<AvailabilityWindow> Availability { get; set; } = [];
}
