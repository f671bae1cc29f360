namespace Platform.Contracts.Events;

/// <summary>A commune and how many people of it a batch concerns.</summary>
public sealed record CommuneCount(string CommuneCode, int Count);
