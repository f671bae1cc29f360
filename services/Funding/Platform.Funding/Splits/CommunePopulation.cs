using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Splits;

/// <summary>A commune to split between: its INSEE code; its name and population from the official geography unless given.</summary>
public sealed record CommunePopulation([Required] string CommuneCode, string? Name = null, int? Population = null);
