namespace Platform.Funding.Splits;

public sealed record CommuneShare(string CommuneCode, string Name, int Population, PopulationSource PopulationSource, decimal Amount);
