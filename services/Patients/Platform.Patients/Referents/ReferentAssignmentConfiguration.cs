using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Patients.Registry;

namespace Platform.Patients.Referents;

public sealed class ReferentAssignmentConfiguration : IEntityTypeConfiguration<ReferentAssignment>
{
    public void Configure(EntityTypeBuilder<ReferentAssignment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Rpps).HasMaxLength(11);
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId);
        builder.HasIndex(a => a.PatientId);
    }
}
