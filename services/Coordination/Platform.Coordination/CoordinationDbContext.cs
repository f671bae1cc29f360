using Microsoft.EntityFrameworkCore;
using Platform.Coordination.Indicators;
using Platform.Coordination.RedZones;
using Platform.Coordination.Tasks;
using Platform.Messaging;

namespace Platform.Coordination;

/// <summary>The Coordination service's own database (coordinationdb): projections built from events.</summary>
public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options) : DbContext(options)
{
    public DbSet<CommuneIndicator> CommuneIndicators => Set<CommuneIndicator>();

    public DbSet<CoordinationTask> Tasks => Set<CoordinationTask>();

    public DbSet<ZoneClassification> Zones => Set<ZoneClassification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CommuneIndicator>(e =>
        {
            e.HasKey(c => c.CommuneCode);
            e.Property(c => c.CommuneCode).HasMaxLength(5);
        });
        modelBuilder.Entity<CoordinationTask>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.OrientationId).IsUnique(); // one task per orientation, whatever the deliveries
            e.Property(t => t.CommuneCode).HasMaxLength(5);
            e.Property(t => t.Kind).HasMaxLength(30);
            e.Property(t => t.Profession).HasMaxLength(30);
            e.Property(t => t.Note).HasMaxLength(500);
            e.Property(t => t.AssignedTo).HasMaxLength(200);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(t => new { t.Status, t.DueBy });
        });
        modelBuilder.Entity<ZoneClassification>(e =>
        {
            e.ToTable("zones");
            e.HasKey(z => z.Code);
            e.Property(z => z.Code).HasMaxLength(9);
            e.Property(z => z.Kind).HasMaxLength(20);
            e.Property(z => z.Name).HasMaxLength(200);
            e.Property(z => z.Explanation).HasMaxLength(1000);
            e.Property(z => z.Criteria).HasColumnType("jsonb");
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class CoordinationDbContextFactory : DesignTimeFactory<CoordinationDbContext>;
