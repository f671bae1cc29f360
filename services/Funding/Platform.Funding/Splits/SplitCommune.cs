namespace Platform.Funding.Splits;

/// <summary>A commune of a split once resolved: its name and population given, or taken from the official geography.</summary>
public sealed record SplitCommune(string CommuneCode, string Name, int Population, PopulationSource Source);
