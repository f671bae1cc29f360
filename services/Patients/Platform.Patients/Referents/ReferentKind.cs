using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.Referents;

[JsonConverter(typeof(StrictEnumConverter<ReferentKind>))]
public enum ReferentKind
{
    /// <summary>A GP, by RPPS.</summary>
    Practitioner,

    /// <summary>A centre (antenna, centre de santé) chosen as médecin référent.</summary>
    Centre,
}
