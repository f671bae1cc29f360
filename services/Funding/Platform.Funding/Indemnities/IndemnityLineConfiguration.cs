using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Indemnities;

public sealed class IndemnityLineConfiguration : IEntityTypeConfiguration<IndemnityLine>
{
    public void Configure(EntityTypeBuilder<IndemnityLine> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).UseIdentityAlwaysColumn();
        builder.Property(l => l.Amount).HasPrecision(12, 2);
        builder.Property(l => l.PractitionerRpps).HasMaxLength(11);
        builder.Property(l => l.Description).HasMaxLength(400);
        // One indemnity per mission, one reversal per line: the database itself refuses a double write.
        builder.HasIndex(l => l.MissionId).IsUnique().HasFilter("reverses_line_id IS NULL");
        builder.HasIndex(l => l.ReversesLineId).IsUnique();
        builder.HasIndex(l => new { l.PractitionerRpps, l.DueOn });
    }
}
