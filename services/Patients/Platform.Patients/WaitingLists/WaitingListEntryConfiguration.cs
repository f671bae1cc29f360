using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Patients.Registry;

namespace Platform.Patients.WaitingLists;

public sealed class WaitingListEntryConfiguration : IEntityTypeConfiguration<WaitingListEntry>
{
    public void Configure(EntityTypeBuilder<WaitingListEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(w => w.Id);
        builder.Property(w => w.ListId).HasMaxLength(60);
        builder.Property(w => w.LeaveReason).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId);
        // One active place per patient and list; the ranking query reads the active entries of one list.
        builder.HasIndex(w => new { w.PatientId, w.ListId }).IsUnique().HasFilter("left_at IS NULL");
        builder.HasIndex(w => w.ListId).HasFilter("left_at IS NULL");
    }
}
