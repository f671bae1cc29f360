namespace Platform.Funding.Indemnities;

public sealed class PayoutBatch
{
    public Guid Id { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public decimal Total { get; init; }

    public int Lines { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
