using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.RedZones;

public sealed class ZoneClassificationConfiguration : IEntityTypeConfiguration<ZoneClassification>
{
    public void Configure(EntityTypeBuilder<ZoneClassification> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zones");
        builder.HasKey(z => z.Code);
        builder.Property(z => z.Code).HasMaxLength(9);
        builder.Property(z => z.Kind).HasMaxLength(20);
        builder.Property(z => z.Name).HasMaxLength(200);
        builder.Property(z => z.Explanation).HasMaxLength(1000);
        builder.Property(z => z.Criteria).HasColumnType("jsonb");
        builder.Property(z => z.AldPrevalencePercent).HasPrecision(5, 2);
        builder.Property(z => z.YoungGpSharePercent).HasPrecision(5, 2);
        builder.Property(z => z.MedianIncome).HasPrecision(12, 2);
        builder.Ignore(z => z.Figures);
    }
}
