using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Coordination.Territory;

[JsonConverter(typeof(StrictEnumConverter<Profession>))]
public enum Profession
{
    Doctor,
    Nurse,
    Pharmacist,
    Physiotherapist,
    Midwife,
    Dentist,
    SocialWorker,
    Other,
}
