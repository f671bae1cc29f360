using System.Text.Json.Serialization;

namespace Platform.Missions.Sites;

[JsonConverter(typeof(StrictEnumConverter<SiteKind>))]
public enum SiteKind
{
    CentreDeSante,
    MaisonDeSante,
    Antenna,
    FranceServices,
}
