using System.Text.Json.Serialization;

namespace Platform.Patients.Registry;

[JsonConverter(typeof(StrictEnumConverter<Sex>))]
public enum Sex
{
    Female,
    Male,
}
