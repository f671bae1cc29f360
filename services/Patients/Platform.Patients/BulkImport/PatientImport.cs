using System.Text.Json.Serialization;

namespace Platform.Patients.BulkImport;

[JsonConverter(typeof(StrictEnumConverter<ImportStatus>))]
public enum ImportStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

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

/// <summary>Why one line of an import was rejected.</summary>
public sealed class PatientImportError
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public int Line { get; init; }

    public required string Field { get; init; }

    public required string Message { get; init; }
}

public sealed class ImportOptions
{
    /// <summary>Where uploads are spooled before processing (a volume shared by the replicas in production).</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "platform-imports");

    /// <summary>Largest file accepted, in bytes (1 GiB).</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Longest line accepted, in bytes: a longer one means a broken file, refused before anything is written.</summary>
    public int MaxLineBytes { get; set; } = 4096;

    /// <summary>Rows written per transaction (and per PatientsImported event).</summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>Per-line errors kept per import; beyond, only counted.</summary>
    public int MaxErrorsKept { get; set; } = 10_000;
}
