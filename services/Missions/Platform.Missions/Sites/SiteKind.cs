using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Missions.Sites;

[JsonConverter(typeof(StrictEnumConverter<SiteKind>))]
public enum SiteKind
{
    CentreDeSante,
    MaisonDeSante,
    Antenna,
    FranceServices,
}
