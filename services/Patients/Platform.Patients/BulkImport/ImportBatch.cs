using System.Buffers.Binary;
using Platform.Patients.Protection;
using Platform.Patients.Registry;

namespace Platform.Patients.BulkImport;

/// <summary>
/// The lines of one batch: its valid rows, already enciphered and formatted for a binary COPY into <c>patients</c>
/// (with each row's NIR index and commune beside it, to skip duplicates and count the event), and its per-line errors.
/// </summary>
internal sealed class ImportBatch(int number, DateTimeOffset registeredAt) : IDisposable
{
    /// <summary>The columns of each row, in the order they are written.</summary>
    public const string CopyCommand = "COPY patients (id, identity_cipher, key_id, nir_index, name_keys, birth_year, sex, commune_code, has_ald, precarity, isolation, needs_transport, registered_at, has_referring_gp) FROM STDIN (FORMAT binary)";

    public int Number { get; } = number;

    public BinaryCopyRows Rows { get; } = new();

    /// <summary>Each row's NIR blind index, as a number (compared, never shown).</summary>
    public List<UInt128> NirIndexes { get; } = [];

    /// <summary>Each row's commune.</summary>
    public List<string> Communes { get; } = [];

    public List<(int Line, string Field, string Message)> Errors { get; } = [];

    /// <summary>Data lines consumed (valid, rejected or blank).</summary>
    public int Lines { get; private set; }

    public void Skip() => Lines++;

    public void Reject(int line, string field, string message)
    {
        Lines++;
        Errors.Add((line, field, message));
    }

    /// <summary>Gives the row its id, enciphers its identity, computes its blind indexes and formats it.</summary>
    public void Add(ImportRow row, IdentityCipher cipher, string commune)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cipher);
        Lines++;
        var id = Guid.CreateVersion7();
        Span<byte> nirIndex = stackalloc byte[16];
        cipher.NirIndex(row.Nir, nirIndex);
        Rows.BeginRow(14)
            .Uuid(id)
            .Bytes(cipher.Seal(id, new PatientIdentity(row.Nir, row.FirstName, row.LastName, row.BirthDate, row.Phone, row.Email)))
            .Text(cipher.CurrentKey)
            .Bytes(nirIndex)
            .Int8Array(cipher.NameKeys(row.FirstName, row.LastName))
            .Int4(row.BirthDate.Year)
            .Text(row.Sex switch { Sex.Female => "Female", Sex.Male => "Male", _ => null })
            .Text(commune)
            .Bool(row.HasAld)
            .Bool(row.Precarity)
            .Bool(row.Isolation)
            .Bool(row.NeedsTransport)
            .Timestamp(registeredAt)
            .Bool(false); // has_referring_gp
        NirIndexes.Add(BinaryPrimitives.ReadUInt128LittleEndian(nirIndex));
        Communes.Add(commune);
    }

    public void Dispose() => Rows.Dispose();
}
