using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Indemnities;

/// <summary>Which lines a payout batch paid (a line is paid once: unique line id).</summary>
public sealed class PayoutItem
{
    public Guid BatchId { get; init; }

    public long LineId { get; init; }
}

public sealed class PayoutItemConfiguration : IEntityTypeConfiguration<PayoutItem>
{
    public void Configure(EntityTypeBuilder<PayoutItem> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.LineId); // a line is paid once
        builder.HasIndex(p => p.BatchId);
    }
}
