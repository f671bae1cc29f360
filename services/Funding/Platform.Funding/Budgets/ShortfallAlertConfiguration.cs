using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Budgets;

public sealed class ShortfallAlertConfiguration : IEntityTypeConfiguration<ShortfallAlert>
{
    public void Configure(EntityTypeBuilder<ShortfallAlert> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(a => new { a.SiteId, a.Year });
        builder.Property(a => a.Shortfall).HasPrecision(14, 2);
    }
}
