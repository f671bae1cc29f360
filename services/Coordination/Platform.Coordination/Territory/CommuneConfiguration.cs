using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Territory;

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("communes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(5);
        builder.Property(c => c.Name).HasMaxLength(200);
    }
}
