namespace Platform.Patients.BulkImport;

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
