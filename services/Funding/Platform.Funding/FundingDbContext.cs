using Microsoft.EntityFrameworkCore;
using Platform.Funding.Budgets;
using Platform.Funding.Funders;
using Platform.Funding.Grants;
using Platform.Funding.Indemnities;
using Platform.Messaging;

namespace Platform.Funding;

/// <summary>The Funding service's own database (fundingdb).</summary>
public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    public DbSet<Funder> Funders => Set<Funder>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<IndemnityLine> IndemnityLines => Set<IndemnityLine>();

    public DbSet<PayoutBatch> PayoutBatches => Set<PayoutBatch>();

    public DbSet<PayoutItem> PayoutItems => Set<PayoutItem>();

    public DbSet<SiteCost> SiteCosts => Set<SiteCost>();

    public DbSet<ShortfallAlert> ShortfallAlerts => Set<ShortfallAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new FunderConfiguration());
        modelBuilder.ApplyConfiguration(new GrantConfiguration());
        modelBuilder.ApplyConfiguration(new IndemnityLineConfiguration());
        modelBuilder.ApplyConfiguration(new PayoutBatchConfiguration());
        modelBuilder.ApplyConfiguration(new PayoutItemConfiguration());
        modelBuilder.ApplyConfiguration(new SiteCostConfiguration());
        modelBuilder.ApplyConfiguration(new ShortfallAlertConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class FundingDbContextFactory : DesignTimeFactory<FundingDbContext>;
