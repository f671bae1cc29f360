namespace Platform.Patients.BulkImport;

/// <summary>Why one line of an import was rejected.</summary>
public sealed class PatientImportError
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public int Line { get; init; }

    public required string Field { get; init; }

    public required string Message { get; init; }
}
