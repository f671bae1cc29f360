using System.Text.Json.Serialization;

namespace Platform.Coordination.Tasks;

[JsonConverter(typeof(StrictEnumConverter<TaskState>))]
public enum TaskState
{
    Open,
    Assigned,
    Done,
}
