using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Telemedicine;

public sealed class PartnerPlaceConfiguration : IEntityTypeConfiguration<PartnerPlace>
{
    public void Configure(EntityTypeBuilder<PartnerPlace> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("places");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.HasIndex(p => new { p.CommuneCode, p.Name }).IsUnique();
    }
}
