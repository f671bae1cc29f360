using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.WaitingLists;

public sealed class WaitingEntryConfiguration : IEntityTypeConfiguration<WaitingEntry>
{
    public void Configure(EntityTypeBuilder<WaitingEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("waiting_entries");
        builder.HasKey(e => e.EntryId);
        builder.HasIndex(e => e.PatientId);
    }
}
