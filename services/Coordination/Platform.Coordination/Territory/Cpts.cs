namespace Platform.Coordination.Territory;

/// <summary>A CPTS: the territorial network and the communes it serves (CPTS territories do not overlap).</summary>
public sealed class Cpts
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Commune> Communes { get; init; } = [];
}
