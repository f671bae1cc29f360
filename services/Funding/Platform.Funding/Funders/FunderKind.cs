using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Funders;

[JsonConverter(typeof(StrictEnumConverter<FunderKind>))]
public enum FunderKind
{
    Region,
    Departement,
    Intercommunality,
    Commune,
    Ars,
    Cpam,
    EuLeader,
    MutualInsurer,
    Private,
}
