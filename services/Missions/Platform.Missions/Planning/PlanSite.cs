namespace Platform.Missions.Planning;

/// <summary>A site to cover: which of the period's weeks still need a rotation, and how urgent it is.</summary>
public sealed record PlanSite(string CommuneCode, int Priority, bool[] Open);
