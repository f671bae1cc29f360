using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Patients.Registry;

namespace Platform.Patients.Consultations;

public sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PractitionerRpps).HasMaxLength(11);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
        builder.HasMany(c => c.Orientations).WithOne().HasForeignKey(o => o.ConsultationId);
        builder.HasIndex(c => c.PatientId);
    }
}
