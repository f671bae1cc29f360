using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Indemnities;

/// <summary>
/// One line of the append-only indemnity ledger. A correction is a new line with the opposite amount that names the
/// line it reverses; no line is ever updated or deleted.
/// </summary>
public sealed class IndemnityLine
{
    public long Id { get; init; }

    public Guid? MissionId { get; init; }

    public required string PractitionerRpps { get; init; }

    public Guid SiteId { get; init; }

    /// <summary>Day the indemnity is due (the mission's last day): payout periods select on it.</summary>
    public DateOnly DueOn { get; init; }

    public decimal Amount { get; init; }

    public required string Description { get; init; }

    public long? ReversesLineId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

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
