using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Territory;

/// <summary>A commune of a CPTS by INSEE code; its name and population are the official geography's unless given.</summary>
public sealed record CommuneInput([Required] string? Code, string? Name = null, int? Population = null);
