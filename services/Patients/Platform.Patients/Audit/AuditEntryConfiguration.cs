using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Partner).HasMaxLength(100);
        builder.Property(a => a.Role).HasMaxLength(50);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.Route).HasMaxLength(300);
        builder.HasIndex(a => a.PatientId);
    }
}
