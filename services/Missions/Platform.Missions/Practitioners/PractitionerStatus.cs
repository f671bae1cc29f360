using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Missions.Practitioners;

[JsonConverter(typeof(StrictEnumConverter<PractitionerStatus>))]
public enum PractitionerStatus
{
    Active,
    Retired,
    YoungGraduate,
}
