using System.Text.Json.Serialization;

namespace Platform.Coordination.Telemedicine;

[JsonConverter(typeof(StrictEnumConverter<PlaceKind>))]
public enum PlaceKind
{
    Pharmacy,
    TownHall,
    FranceServices,
    HealthCentre,
}
