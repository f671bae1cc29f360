using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.Registry;

[JsonConverter(typeof(StrictEnumConverter<Sex>))]
public enum Sex
{
    Female,
    Male,
}
