using System.Text.Json.Serialization;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantStatus>))]
public enum GrantStatus
{
    Pledged,
    Voted,
    Paid,
}
