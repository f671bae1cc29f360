using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantPurpose>))]
public enum GrantPurpose
{
    OpeningCosts,
    SecretaryPost,
    Premises,
    Operations,
    Indemnities,
}
