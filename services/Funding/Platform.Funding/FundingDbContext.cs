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
        modelBuilder.Entity<Funder>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(200);
            e.HasIndex(f => f.Name).IsUnique();
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<Grant>(e =>
        {
            e.HasKey(g => g.Id);
            e.Property(g => g.Amount).HasPrecision(12, 2);
            e.Property(g => g.ProjectBudget).HasPrecision(14, 2);
            e.Property(g => g.Periodicity).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Purpose).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Beneficiary).HasMaxLength(200);
            e.HasOne<Funder>().WithMany().HasForeignKey(g => g.FunderId);
            e.HasIndex(g => g.SiteId);
        });
        modelBuilder.Entity<IndemnityLine>(e =>
        {
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).UseIdentityAlwaysColumn();
            e.Property(l => l.Amount).HasPrecision(12, 2);
            e.Property(l => l.PractitionerRpps).HasMaxLength(11);
            e.Property(l => l.Description).HasMaxLength(400);
            // One indemnity per mission, one reversal per line: the database itself refuses a double write.
            e.HasIndex(l => l.MissionId).IsUnique().HasFilter("reverses_line_id IS NULL");
            e.HasIndex(l => l.ReversesLineId).IsUnique();
            e.HasIndex(l => new { l.PractitionerRpps, l.DueOn });
        });
        modelBuilder.Entity<PayoutBatch>(e =>
        {
            e.HasKey(b => b.Id);
            e.Property(b => b.Total).HasPrecision(14, 2);
        });
        modelBuilder.Entity<PayoutItem>(e =>
        {
            e.HasKey(p => p.LineId); // a line is paid once
            e.HasIndex(p => p.BatchId);
        });
        modelBuilder.Entity<SiteCost>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Amount).HasPrecision(12, 2);
            e.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Description).HasMaxLength(300);
            e.HasIndex(c => new { c.SiteId, c.Year });
        });
        modelBuilder.Entity<ShortfallAlert>(e =>
        {
            e.HasKey(a => new { a.SiteId, a.Year });
            e.Property(a => a.Shortfall).HasPrecision(14, 2);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class FundingDbContextFactory : DesignTimeFactory<FundingDbContext>;
