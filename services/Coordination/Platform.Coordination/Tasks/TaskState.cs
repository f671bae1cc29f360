using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Coordination.Tasks;

[JsonConverter(typeof(StrictEnumConverter<TaskState>))]
public enum TaskState
{
    Open,
    Assigned,
    Done,
}
