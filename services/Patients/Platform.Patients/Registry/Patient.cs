namespace Platform.Patients.Registry;

/// <summary>A person without a referring GP (médecin traitant), as registered by a territory.</summary>
public sealed class Patient
{
    public Guid Id { get; init; }

    /// <summary>NIR with its key, 15 characters, normalised (no spaces, upper case).</summary>
    public required string Nir { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public DateOnly BirthDate { get; set; }

    /// <summary>INSEE code of the commune of residence.</summary>
    public required string CommuneCode { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public bool HasReferringGp { get; set; }
}
