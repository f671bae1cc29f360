using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Funding.Funders;

namespace Platform.Funding.Grants;

public sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Amount).HasPrecision(12, 2);
        builder.Property(g => g.ProjectBudget).HasPrecision(14, 2);
        builder.Property(g => g.Periodicity).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Beneficiary).HasMaxLength(200);
        builder.HasOne<Funder>().WithMany().HasForeignKey(g => g.FunderId);
        builder.HasIndex(g => g.SiteId);
    }
}
