using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Scheduling;

public sealed class MissionTransitionConfiguration : IEntityTypeConfiguration<MissionTransition>
{
    public void Configure(EntityTypeBuilder<MissionTransition> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("mission_transitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).UseIdentityAlwaysColumn();
        builder.Property(t => t.From).HasColumnName("from_state").HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasColumnName("to_state").HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.By).HasColumnName("requested_by").HasMaxLength(200);
        builder.Property(t => t.At).HasColumnName("applied_at");
        builder.HasIndex(t => t.MissionId);
    }
}
