using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Budgets;

/// <summary>The last shortfall announced for a site-year, so the same one is not announced twice.</summary>
public sealed class ShortfallAlert
{
    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public decimal Shortfall { get; set; }
}

public sealed class ShortfallAlertConfiguration : IEntityTypeConfiguration<ShortfallAlert>
{
    public void Configure(EntityTypeBuilder<ShortfallAlert> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(a => new { a.SiteId, a.Year });
        builder.Property(a => a.Shortfall).HasPrecision(14, 2);
    }
}
