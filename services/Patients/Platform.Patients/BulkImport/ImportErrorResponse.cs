namespace Platform.Patients.BulkImport;

public sealed record ImportErrorResponse(int Line, string Field, string Message);
