using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Territory;

public sealed class CptsConfiguration : IEntityTypeConfiguration<Cpts>
{
    public void Configure(EntityTypeBuilder<Cpts> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("territories");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Communes).WithOne().HasForeignKey(c => c.CptsId);
    }
}
