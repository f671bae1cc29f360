using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Budgets;

[JsonConverter(typeof(StrictEnumConverter<CostCategory>))]
public enum CostCategory
{
    OpeningCosts,
    SecretaryPost,
    Premises,
    Operations,
}
