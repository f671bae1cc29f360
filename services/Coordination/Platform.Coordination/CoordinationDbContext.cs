using Microsoft.EntityFrameworkCore;
using Platform.Coordination.Indicators;
using Platform.Messaging;

namespace Platform.Coordination;

/// <summary>The Coordination service's own database (coordinationdb): projections built from events.</summary>
public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options) : DbContext(options)
{
    public DbSet<CommuneIndicator> CommuneIndicators => Set<CommuneIndicator>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CommuneIndicator>(e =>
        {
            e.HasKey(c => c.CommuneCode);
            e.Property(c => c.CommuneCode).HasMaxLength(5);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class CoordinationDbContextFactory : DesignTimeFactory<CoordinationDbContext>;
