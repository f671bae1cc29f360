using System.Text.Json.Serialization;

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
