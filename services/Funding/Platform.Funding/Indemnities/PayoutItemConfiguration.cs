using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Indemnities;

public sealed class PayoutItemConfiguration : IEntityTypeConfiguration<PayoutItem>
{
    public void Configure(EntityTypeBuilder<PayoutItem> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.LineId); // a line is paid once
        builder.HasIndex(p => p.BatchId);
    }
}
