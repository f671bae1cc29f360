using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantPeriodicity>))]
public enum GrantPeriodicity
{
    OneOff,
    Yearly,
}
