using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Tasks;

/// <summary>One task per orientation (a unique index, whatever the deliveries); listed by state and due date.</summary>
public sealed class CoordinationTaskConfiguration : IEntityTypeConfiguration<CoordinationTask>
{
    public void Configure(EntityTypeBuilder<CoordinationTask> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.OrientationId).IsUnique();
        builder.Property(t => t.CommuneCode).HasMaxLength(5);
        builder.Property(t => t.Kind).HasMaxLength(30);
        builder.Property(t => t.Profession).HasMaxLength(30);
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.Status, t.DueBy });
    }
}
