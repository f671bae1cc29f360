namespace Platform.Patients.WaitingLists;

/// <summary>A score and why: the component each criterion contributed.</summary>
public sealed record PriorityScore(decimal Score, PriorityComponents Components);
