using System.Text.Json.Serialization;

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

/// <summary>A body that funds sites or missions: a Région, a Département, a commune, EU LEADER, a mutual insurer...</summary>
public sealed class Funder
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public FunderKind Kind { get; set; }
}
