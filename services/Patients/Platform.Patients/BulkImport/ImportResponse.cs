namespace Platform.Patients.BulkImport;

public sealed record ImportResponse(
    Guid Id,
    ImportStatus Status,
    int RowsTotal,
    int RowsDone,
    double Progress,
    int RowsImported,
    int RowsDuplicate,
    int RowsRejected,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    Guid? SameFileAs)
{
    public static ImportResponse From(PatientImport i, Guid? sameFileAs = null) => new(
        i.Id, i.Status, i.RowsTotal, i.RowsDone, i.RowsTotal == 0 ? 1 : Math.Round((double)i.RowsDone / i.RowsTotal, 4),
        i.RowsImported, i.RowsDuplicate, i.RowsRejected, i.CreatedAt, i.CompletedAt, i.Error, sameFileAs);
}
