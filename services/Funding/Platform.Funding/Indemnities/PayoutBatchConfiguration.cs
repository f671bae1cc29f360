using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Indemnities;

public sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Total).HasPrecision(14, 2);
    }
}
