using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Total).HasPrecision(14, 2);
    }
}
