using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Budgets;

public sealed class SiteCostConfiguration : IEntityTypeConfiguration<SiteCost>
{
    public void Configure(EntityTypeBuilder<SiteCost> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Amount).HasPrecision(12, 2);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(300);
        builder.HasIndex(c => new { c.SiteId, c.Year });
    }
}
