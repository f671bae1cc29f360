namespace Platform.Coordination.Territory;

/// <summary>A commune's name and population (the official ones when left out), its code being in the route.</summary>
public sealed record CommuneDetails(string? Name = null, int? Population = null);
