using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.BulkImport;

public sealed class PatientImportErrorConfiguration : IEntityTypeConfiguration<PatientImportError>
{
    public void Configure(EntityTypeBuilder<PatientImportError> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).UseIdentityAlwaysColumn();
        builder.Property(x => x.Field).HasMaxLength(40);
        builder.Property(x => x.Message).HasMaxLength(300);
        builder.HasIndex(x => new { x.ImportId, x.Line });
    }
}
