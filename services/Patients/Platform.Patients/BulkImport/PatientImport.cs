namespace Platform.Patients.BulkImport;

/// <summary>A bulk import of people without a GP: the uploaded file, where its processing is, what it found.</summary>
public sealed class PatientImport
{
    public Guid Id { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>SHA-256 of the file, hex: the same file imported again is recognised (and adds nobody).</summary>
    public required string Sha256 { get; init; }

    public long Bytes { get; init; }

    public int RowsTotal { get; init; }

    public int RowsDone { get; set; }

    public int RowsImported { get; set; }

    public int RowsDuplicate { get; set; }

    public int RowsRejected { get; set; }

    /// <summary>The instance holding the spooled file (only it can process the import).</summary>
    public required string Node { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The uploader's scope (<c>region</c> or <c>communes:…</c>): rows outside it are rejected, and only a caller of the same scope (or the region) reads the import.</summary>
    public required string Scope { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }
}
