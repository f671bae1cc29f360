namespace Platform.Coordination.Indicators;

public sealed record ReconciliationResponse(string CommuneCode, int Projected, int Source, bool Corrected);
