using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Funders;

public sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
    }
}
