using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.Access;

public sealed class PractitionerSiteConfiguration : IEntityTypeConfiguration<PractitionerSite>
{
    public void Configure(EntityTypeBuilder<PractitionerSite> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => s.MissionId);
        builder.Property(s => s.Rpps).HasMaxLength(11);
        builder.Property(s => s.ListId).HasMaxLength(60);
        builder.HasIndex(s => new { s.Rpps, s.ListId });
    }
}
