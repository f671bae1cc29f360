using System.Text.Json.Serialization;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantPeriodicity>))]
public enum GrantPeriodicity
{
    OneOff,
    Yearly,
}
