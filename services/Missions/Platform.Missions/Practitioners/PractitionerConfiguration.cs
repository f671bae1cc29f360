using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Missions.Practitioners;

public sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Rpps).HasMaxLength(11);
        builder.HasIndex(p => p.Rpps).IsUnique();
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.HomeCommuneCode).HasMaxLength(5);
        builder.Property(p => p.Email).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Availability).HasColumnType("jsonb").HasConversion(
        v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Web),
        v => System.Text.Json.JsonSerializer.Deserialize<List<AvailabilityWindow>>(v, System.Text.Json.JsonSerializerOptions.Web) ?? new List<AvailabilityWindow>(),
        new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<AvailabilityWindow>>(
        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, w) => HashCode.Combine(h, w)), v => v.ToList()));
    }
}
