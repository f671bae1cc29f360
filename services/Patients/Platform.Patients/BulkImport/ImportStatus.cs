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
