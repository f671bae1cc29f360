namespace Platform.Funding.Funders;

/// <summary>A body that funds sites or missions: a Région, a Département, a commune, EU LEADER, a mutual insurer...</summary>
public sealed class Funder
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public FunderKind Kind { get; set; }
}
