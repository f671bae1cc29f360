using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Telemedicine;

/// <summary>A partner place of the territory (pharmacy, town hall, France Services), possibly with a telemedicine cabin.</summary>
public sealed class PartnerPlace
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public PlaceKind Kind { get; set; }

    public required string CommuneCode { get; set; }

    public bool HasCabin { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class PartnerPlaceConfiguration : IEntityTypeConfiguration<PartnerPlace>
{
    public void Configure(EntityTypeBuilder<PartnerPlace> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("places");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.HasIndex(p => new { p.CommuneCode, p.Name }).IsUnique();
    }
}
