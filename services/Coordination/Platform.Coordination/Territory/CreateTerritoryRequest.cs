using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Territory;

/// <summary>
/// A CPTS: its name, and its territory as communes, as intercommunalities (EPCI SIRENs: all their member communes),
/// or both; at least one commune in all.
/// </summary>
public sealed record CreateTerritoryRequest([Required] string? Name, IReadOnlyList<CommuneInput>? Communes = null, IReadOnlyList<string>? Epcis = null);
