using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.Consultations;

public sealed class OrientationConfiguration : IEntityTypeConfiguration<Orientation>
{
    public void Configure(EntityTypeBuilder<Orientation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Note).HasMaxLength(500);
    }
}
