using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Planning;

public sealed class StoredPlanConfiguration : IEntityTypeConfiguration<StoredPlan>
{
    public void Configure(EntityTypeBuilder<StoredPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Assignments).HasColumnType("jsonb");
    }
}
