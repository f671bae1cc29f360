using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Missions.Sites;

namespace Platform.Missions;

/// <summary>The Missions service's own database (missionsdb).</summary>
public sealed class MissionsDbContext(DbContextOptions<MissionsDbContext> options) : DbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Site>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.CommuneCode).HasMaxLength(5);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(s => new { s.CommuneCode, s.Name }).IsUnique();
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class MissionsDbContextFactory : DesignTimeFactory<MissionsDbContext>;
