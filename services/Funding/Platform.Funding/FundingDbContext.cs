using Microsoft.EntityFrameworkCore;
using Platform.Funding.Funders;
using Platform.Messaging;

namespace Platform.Funding;

/// <summary>The Funding service's own database (fundingdb).</summary>
public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    public DbSet<Funder> Funders => Set<Funder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Funder>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(200);
            e.HasIndex(f => f.Name).IsUnique();
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class FundingDbContextFactory : DesignTimeFactory<FundingDbContext>;
