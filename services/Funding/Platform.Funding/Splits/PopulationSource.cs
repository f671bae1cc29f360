using Platform.ServiceDefaults;

namespace Platform.Funding.Splits;

/// <summary>Where a commune's population in a split comes from.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<PopulationSource>))]
public enum PopulationSource
{
    /// <summary>The official geography's legal municipal population (its vintage is stated in the answer).</summary>
    Official,

    /// <summary>The figure the caller gave.</summary>
    Given,
}
