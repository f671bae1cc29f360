using System.Text.Json.Serialization;

namespace Platform.Missions.Practitioners;

[JsonConverter(typeof(StrictEnumConverter<PractitionerStatus>))]
public enum PractitionerStatus
{
    Active,
    Retired,
    YoungGraduate,
}
