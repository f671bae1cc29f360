using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.BulkImport;

public sealed class PatientImportConfiguration : IEntityTypeConfiguration<PatientImport>
{
    public void Configure(EntityTypeBuilder<PatientImport> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.HasIndex(i => i.Sha256);
        builder.Property(i => i.Node).HasMaxLength(100);
        builder.HasIndex(i => new { i.Node, i.Status });
        builder.Property(i => i.Error).HasMaxLength(1000);
        builder.Property(i => i.Scope).HasDefaultValue("region"); // imports made before scopes were the region's
    }
}
