namespace Platform.Funding.Indemnities;

/// <summary>Which lines a payout batch paid (a line is paid once: unique line id).</summary>
public sealed class PayoutItem
{
    public Guid BatchId { get; init; }

    public long LineId { get; init; }
}
