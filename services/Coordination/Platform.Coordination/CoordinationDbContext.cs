using Microsoft.EntityFrameworkCore;
using Platform.Coordination.Indicators;
using Platform.Coordination.RedZones;
using Platform.Coordination.Tasks;
using Platform.Coordination.Telemedicine;
using Platform.Coordination.Territory;
using Platform.Messaging;

namespace Platform.Coordination;

/// <summary>The Coordination service's own database (coordinationdb): projections built from events.</summary>
public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options) : DbContext(options)
{
    public DbSet<CommuneIndicator> CommuneIndicators => Set<CommuneIndicator>();

    public DbSet<CoordinationTask> Tasks => Set<CoordinationTask>();

    public DbSet<ZoneClassification> Zones => Set<ZoneClassification>();

    public DbSet<CommuneWeek> CommuneWeeks => Set<CommuneWeek>();

    public DbSet<WaitingEntry> WaitingEntries => Set<WaitingEntry>();

    public DbSet<MissionCompletion> MissionCompletions => Set<MissionCompletion>();

    public DbSet<CoverageGap> CoverageGaps => Set<CoverageGap>();

    public DbSet<SiteFunding> SiteFunding => Set<SiteFunding>();

    public DbSet<Cpts> Territories => Set<Cpts>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<PartnerPlace> Places => Set<PartnerPlace>();

    public DbSet<TeleconsultationSession> Teleconsultations => Set<TeleconsultationSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CommuneIndicatorConfiguration());
        modelBuilder.ApplyConfiguration(new CommuneWeekConfiguration());
        modelBuilder.ApplyConfiguration(new WaitingEntryConfiguration());
        modelBuilder.ApplyConfiguration(new MissionCompletionConfiguration());
        modelBuilder.ApplyConfiguration(new CoverageGapConfiguration());
        modelBuilder.ApplyConfiguration(new SiteFundingConfiguration());
        modelBuilder.ApplyConfiguration(new CptsConfiguration());
        modelBuilder.ApplyConfiguration(new CommuneConfiguration());
        modelBuilder.ApplyConfiguration(new MemberConfiguration());
        modelBuilder.ApplyConfiguration(new PartnerPlaceConfiguration());
        modelBuilder.ApplyConfiguration(new TeleconsultationSessionConfiguration());
        modelBuilder.ApplyConfiguration(new CoordinationTaskConfiguration());
        modelBuilder.ApplyConfiguration(new ZoneClassificationConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class CoordinationDbContextFactory : DesignTimeFactory<CoordinationDbContext>;
