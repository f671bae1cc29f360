using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Telemedicine;

public sealed class TeleconsultationSessionConfiguration : IEntityTypeConfiguration<TeleconsultationSession>
{
    public void Configure(EntityTypeBuilder<TeleconsultationSession> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("teleconsultations");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.PatientPseudonym).HasMaxLength(64);
        builder.HasIndex(s => new { s.PlaceId, s.Date });
    }
}
