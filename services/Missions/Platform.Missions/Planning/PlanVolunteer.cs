namespace Platform.Missions.Planning;

/// <summary>A volunteer: the weeks they can come, at most how many rotations, and where (null: anywhere).</summary>
public sealed record PlanVolunteer(bool[] Available, int MaxRotations, IReadOnlySet<string>? Communes);
