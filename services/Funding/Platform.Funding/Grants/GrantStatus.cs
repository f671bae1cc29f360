using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantStatus>))]
public enum GrantStatus
{
    Pledged,
    Voted,
    Paid,
}
