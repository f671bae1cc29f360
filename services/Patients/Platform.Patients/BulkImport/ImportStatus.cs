using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.BulkImport;

[JsonConverter(typeof(StrictEnumConverter<ImportStatus>))]
public enum ImportStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}
