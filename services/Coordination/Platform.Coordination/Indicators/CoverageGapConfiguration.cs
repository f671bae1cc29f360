using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class CoverageGapConfiguration : IEntityTypeConfiguration<CoverageGap>
{
    public void Configure(EntityTypeBuilder<CoverageGap> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("coverage_gaps");
        builder.HasKey(g => new { g.SiteId, g.WeekStart });
        builder.Property(g => g.SiteName).HasMaxLength(200);
        builder.Property(g => g.CommuneCode).HasMaxLength(5);
        builder.HasIndex(g => g.CommuneCode);
    }
}
