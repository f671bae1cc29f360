using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Coordination.Telemedicine;

[JsonConverter(typeof(StrictEnumConverter<PlaceKind>))]
public enum PlaceKind
{
    Pharmacy,
    TownHall,
    FranceServices,
    HealthCentre,
}
