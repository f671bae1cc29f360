using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Sites;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Finess).HasMaxLength(9);
        builder.Property(s => s.OpeningHours).HasMaxLength(200);
        builder.HasIndex(s => new { s.CommuneCode, s.Name }).IsUnique();
    }
}
