using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Funding.Funders;

namespace Platform.Funding.Grants;

[JsonConverter(typeof(StrictEnumConverter<GrantPeriodicity>))]
public enum GrantPeriodicity
{
    OneOff,
    Yearly,
}

[JsonConverter(typeof(StrictEnumConverter<GrantPurpose>))]
public enum GrantPurpose
{
    OpeningCosts,
    SecretaryPost,
    Premises,
    Operations,
    Indemnities,
}

[JsonConverter(typeof(StrictEnumConverter<GrantStatus>))]
public enum GrantStatus
{
    Pledged,
    Voted,
    Paid,
}

/// <summary>Money a funder gives a beneficiary (a site, or the structure carrying it), once or every year.</summary>
public sealed class Grant
{
    public Guid Id { get; init; }

    public Guid FunderId { get; init; }

    /// <summary>EUR, to the cent; for a yearly grant, the amount of each year.</summary>
    public decimal Amount { get; init; }

    public GrantPeriodicity Periodicity { get; init; }

    public int StartYear { get; init; }

    /// <summary>Last year of a yearly grant (inclusive); null for one-off grants and open-ended yearly ones.</summary>
    public int? EndYear { get; init; }

    public GrantPurpose Purpose { get; init; }

    /// <summary>The site (Missions id) the money goes to, or null when it goes to a carrying structure.</summary>
    public Guid? SiteId { get; init; }

    public required string Beneficiary { get; init; }

    /// <summary>The project's total budget, required for EU LEADER grants (capped at 40 % of it).</summary>
    public decimal? ProjectBudget { get; init; }

    public GrantStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

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
