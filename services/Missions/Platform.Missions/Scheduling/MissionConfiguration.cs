using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Scheduling;

public sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.PractitionerRpps).HasMaxLength(11);
        builder.Property(m => m.Version).IsRowVersion();
        builder.Ignore(m => m.Days);
        builder.Ignore(m => m.DefaultDaysWorked);
        builder.Ignore(m => m.CorrelationId);
        builder.Ignore(m => m.CurrentState);
        builder.Ignore(m => m.PendingEvents);
        builder.HasMany(m => m.History).WithOne().HasForeignKey(t => t.MissionId);
        builder.HasIndex(m => new { m.PractitionerRpps, m.StartDate });
        builder.HasIndex(m => new { m.SiteId, m.StartDate });
    }
}
