using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public sealed class WaitingEntryConfiguration : IEntityTypeConfiguration<WaitingEntry>
{
    public void Configure(EntityTypeBuilder<WaitingEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("waiting_entries");
        builder.HasKey(w => w.EntryId);
        builder.Property(w => w.CommuneCode).HasMaxLength(5);
        builder.HasIndex(w => new { w.CommuneCode, w.EnrolledAt }).HasFilter("left_at IS NULL");
    }
}
