using Platform.Patients.Protection;

namespace Platform.Patients.Registry;

/// <summary>
/// A person without a referring GP (médecin traitant), as registered by a territory. The identity (NIR, names, birth
/// date, phone, e-mail) is read and written here in clear, but stored only enciphered (<see cref="IdentityCipher"/>,
/// sealed and opened by <see cref="IdentityProtectionInterceptor"/>), with blind indexes for look-ups.
/// </summary>
public sealed class Patient
{
    public Guid Id { get; init; }

    /// <summary>The identity, AES-256-GCM (see <see cref="Protection.IdentityCipher"/>); null once erased.</summary>
    public byte[]? IdentityCipher { get; set; }

    /// <summary>Id of the key <see cref="IdentityCipher"/> is enciphered with.</summary>
    public string? KeyId { get; set; }

    /// <summary>Blind index of the NIR (unique); null once erased.</summary>
    public byte[]? NirIndex { get; set; }

    /// <summary>Blind tags of the names' prefixes, for search; empty once erased.</summary>
    public long[] NameKeys { get; set; } = [];

    /// <summary>Year of birth, kept in clear for statistics (age bands, as after an erasure).</summary>
    public int BirthYear { get; set; }

    /// <summary>The identity as it was read from the database (null for a new patient): what a save compares against.</summary>
    internal PatientIdentity? Opened { get; set; }

    internal PatientIdentity Identity => new(Nir, FirstName, LastName, BirthDate, Phone, Email);

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
