using System.Text.Json.Serialization;

namespace Platform.Patients.WaitingLists;

[JsonConverter(typeof(StrictEnumConverter<LeaveReason>))]
public enum LeaveReason
{
    GivenDoctor,
    Moved,
    Deceased,
    Other,
}
