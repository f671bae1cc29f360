using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class CommuneWeekConfiguration : IEntityTypeConfiguration<CommuneWeek>
{
    public void Configure(EntityTypeBuilder<CommuneWeek> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("commune_weeks");
        builder.HasKey(c => new { c.CommuneCode, c.WeekStart });
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.HasCountersFromZero();
    }
}
