namespace Platform.Funding.Indemnities;

/// <summary>
/// One line of the append-only indemnity ledger. A correction is a new line with the opposite amount that names the
/// line it reverses; no line is ever updated or deleted.
/// </summary>
public sealed class IndemnityLine
{
    public long Id { get; init; }

    public Guid? MissionId { get; init; }

    public required string PractitionerRpps { get; init; }

    public Guid SiteId { get; init; }

    /// <summary>Day the indemnity is due (the mission's last day): payout periods select on it.</summary>
    public DateOnly DueOn { get; init; }

    public decimal Amount { get; init; }

    public required string Description { get; init; }

    public long? ReversesLineId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
