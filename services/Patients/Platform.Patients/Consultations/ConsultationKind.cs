using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.Consultations;

[JsonConverter(typeof(StrictEnumConverter<ConsultationKind>))]
public enum ConsultationKind
{
    Scheduled,
    Urgent,
    Teleconsultation,
    AssistedTeleconsultation,
}
