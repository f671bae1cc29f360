using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.Consultations;

[JsonConverter(typeof(StrictEnumConverter<OrientationKind>))]
public enum OrientationKind
{
    Specialist,
    NurseFollowUp,
    Pharmacy,
    SocialWorker,
}
