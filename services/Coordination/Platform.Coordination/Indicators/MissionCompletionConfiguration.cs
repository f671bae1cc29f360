using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class MissionCompletionConfiguration : IEntityTypeConfiguration<MissionCompletion>
{
    public void Configure(EntityTypeBuilder<MissionCompletion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("mission_completions");
        builder.HasKey(m => m.MissionId);
        builder.Property(m => m.CommuneCode).HasMaxLength(5);
        builder.Property(m => m.PractitionerRpps).HasMaxLength(11);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.HasIndex(m => new { m.CommuneCode, m.WeekStart });
    }
}
