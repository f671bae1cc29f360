using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Funding.Funders;

[JsonConverter(typeof(StrictEnumConverter<FunderKind>))]
public enum FunderKind
{
    Region,
    Departement,
    Intercommunality,
    Commune,
    Ars,
    Cpam,
    EuLeader,
    MutualInsurer,
    Private,
}

/// <summary>A body that funds sites or missions: a Région, a Département, a commune, EU LEADER, a mutual insurer...</summary>
public sealed class Funder
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public FunderKind Kind { get; set; }
}

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
