using System.Text.Json.Serialization;

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
