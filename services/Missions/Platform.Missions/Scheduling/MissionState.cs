using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Missions.Scheduling;

[JsonConverter(typeof(StrictEnumConverter<MissionState>))]
public enum MissionState
{
    Proposed,
    Confirmed,
    InProgress,
    Completed,
    Cancelled,
}
