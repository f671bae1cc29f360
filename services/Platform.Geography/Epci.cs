namespace Platform.Geography;

/// <summary>
/// An intercommunality with its own taxation (EPCI à fiscalité propre: CC, CA, CU or métropole), identified by its
/// SIREN. Its population is its member communes' summed (one vintage with theirs).
/// </summary>
public sealed record Epci(string Siren, string Name, string Kind, int Population, IReadOnlyList<Commune> Members)
{
    /// <summary>The departments its communes lie in (most EPCIs lie in one; a few straddle two).</summary>
    public IReadOnlyList<string> Departments { get; } = [.. Members.Select(m => m.Department).Distinct().Order(StringComparer.Ordinal)];
}
