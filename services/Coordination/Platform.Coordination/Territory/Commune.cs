namespace Platform.Coordination.Territory;

/// <summary>A commune of a CPTS's territory, with its population (INSEE).</summary>
public sealed class Commune
{
    /// <summary>INSEE commune code.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public int Population { get; set; }

    public Guid CptsId { get; init; }
}
