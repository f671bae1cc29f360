using System.Text.Json.Serialization;

namespace Platform.Patients.Registry;

[JsonConverter(typeof(StrictEnumConverter<Sex>))]
public enum Sex
{
    Female,
    Male,
}

/// <summary>A person without a referring GP (médecin traitant), as registered by a territory.</summary>
public sealed class Patient
{
    public Guid Id { get; init; }

    /// <summary>NIR with its key, 15 characters, normalised; null once the identity is erased (GDPR).</summary>
    public string? Nir { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>Birth date; after erasure only the year is kept (1 January), so age statistics stay right.</summary>
    public DateOnly BirthDate { get; set; }

    public Sex? Sex { get; set; }

    /// <summary>INSEE code of the commune of residence.</summary>
    public required string CommuneCode { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Affection de longue durée: a long-term condition.</summary>
    public bool HasAld { get; set; }

    public bool Precarity { get; set; }

    public bool Isolation { get; set; }

    /// <summary>Cannot travel alone to a consultation.</summary>
    public bool NeedsTransport { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public bool HasReferringGp { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>GDPR erasure: identity and contact go; commune, birth year, flags and history stay for statistics.</summary>
    public void EraseIdentity(DateTimeOffset at)
    {
        Nir = null;
        FirstName = null;
        LastName = null;
        Phone = null;
        Email = null;
        BirthDate = new DateOnly(BirthDate.Year, 1, 1);
        ErasedAt = at;
    }
}
