using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class SiteFundingConfiguration : IEntityTypeConfiguration<SiteFunding>
{
    public void Configure(EntityTypeBuilder<SiteFunding> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("site_funding");
        builder.HasKey(f => new { f.SiteId, f.Year });
        builder.Property(f => f.CommuneCode).HasMaxLength(5);
        builder.Property(f => f.Costs).HasPrecision(14, 2);
        builder.Property(f => f.Funding).HasPrecision(14, 2);
        builder.Property(f => f.Shortfall).HasPrecision(14, 2);
    }
}
