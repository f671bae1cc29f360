using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Scheduling;

public sealed class CoverageGapAlertConfiguration : IEntityTypeConfiguration<CoverageGapAlert>
{
    public void Configure(EntityTypeBuilder<CoverageGapAlert> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("coverage_gap_alerts");
        builder.HasKey(a => new { a.SiteId, a.WeekStart });
    }
}
