namespace Platform.Missions.Planning;

/// <summary>A proposed plan, kept until a coordinator accepts it (its rotations then become proposed missions).</summary>
public sealed class StoredPlan
{
    public Guid Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The assignments, as JSON.</summary>
    public required string Assignments { get; init; }

    public DateTimeOffset? AcceptedAt { get; set; }
}
