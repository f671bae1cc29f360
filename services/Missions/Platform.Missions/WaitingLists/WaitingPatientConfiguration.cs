using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.WaitingLists;

public sealed class WaitingPatientConfiguration : IEntityTypeConfiguration<WaitingPatient>
{
    public void Configure(EntityTypeBuilder<WaitingPatient> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("waiting_patients");
        builder.HasKey(p => p.PatientId);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.HasIndex(p => p.CommuneCode);
    }
}
