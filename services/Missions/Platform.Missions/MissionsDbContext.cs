using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Missions.Planning;
using Platform.Missions.Practitioners;
using Platform.Missions.Scheduling;
using Platform.Missions.Sites;
using Platform.Missions.WaitingLists;

namespace Platform.Missions;

/// <summary>The Missions service's own database (missionsdb).</summary>
public sealed class MissionsDbContext(DbContextOptions<MissionsDbContext> options) : DbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<CoverageGapAlert> CoverageGapAlerts => Set<CoverageGapAlert>();

    public DbSet<StoredPlan> Plans => Set<StoredPlan>();

    public DbSet<WaitingEntry> WaitingEntries => Set<WaitingEntry>();

    public DbSet<WaitingPatient> WaitingPatients => Set<WaitingPatient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new SiteConfiguration());
        modelBuilder.ApplyConfiguration(new PractitionerConfiguration());
        modelBuilder.ApplyConfiguration(new MissionConfiguration());
        modelBuilder.ApplyConfiguration(new MissionTransitionConfiguration());
        modelBuilder.ApplyConfiguration(new CoverageGapAlertConfiguration());
        modelBuilder.ApplyConfiguration(new StoredPlanConfiguration());
        modelBuilder.ApplyConfiguration(new WaitingEntryConfiguration());
        modelBuilder.ApplyConfiguration(new WaitingPatientConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class MissionsDbContextFactory : DesignTimeFactory<MissionsDbContext>;
