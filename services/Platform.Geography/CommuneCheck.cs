namespace Platform.Geography;

/// <summary>The outcome of <see cref="FranceGeography.Check"/>: the commune, or why the code is refused.</summary>
public sealed record CommuneCheck(string? Code, CommuneCodeStatus Status, Commune? Commune, Commune? Successor, string? Problem)
{
    public bool IsCurrent => Status == CommuneCodeStatus.Current;
}
