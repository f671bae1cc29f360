namespace Platform.Coordination.Geography;

/// <summary>A page of the official geography, with the vintage of its figures.</summary>
public sealed record GeographyPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string Vintage);
