using System.Text.Json.Serialization;

namespace Platform.Patients.Consultations;

[JsonConverter(typeof(StrictEnumConverter<ConsultationKind>))]
public enum ConsultationKind
{
    Scheduled,
    Urgent,
    Teleconsultation,
    AssistedTeleconsultation,
}
