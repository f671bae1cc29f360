using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.WaitingLists;

[JsonConverter(typeof(StrictEnumConverter<LeaveReason>))]
public enum LeaveReason
{
    GivenDoctor,
    Moved,
    Deceased,
    Other,
}
