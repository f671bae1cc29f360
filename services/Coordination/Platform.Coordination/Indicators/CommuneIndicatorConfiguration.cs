using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class CommuneIndicatorConfiguration : IEntityTypeConfiguration<CommuneIndicator>
{
    public void Configure(EntityTypeBuilder<CommuneIndicator> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(c => c.CommuneCode);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.HasCountersFromZero();
    }
}
