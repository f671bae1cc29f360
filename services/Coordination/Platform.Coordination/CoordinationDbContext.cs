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
        modelBuilder.Entity<CommuneIndicator>(e =>
        {
            e.HasKey(c => c.CommuneCode);
            e.Property(c => c.CommuneCode).HasMaxLength(5);
            Counters(e);
        });
        modelBuilder.Entity<CommuneWeek>(e =>
        {
            e.ToTable("commune_weeks");
            e.HasKey(c => new { c.CommuneCode, c.WeekStart });
            e.Property(c => c.CommuneCode).HasMaxLength(5);
            Counters(e);
        });
        modelBuilder.Entity<WaitingEntry>(e =>
        {
            e.ToTable("waiting_entries");
            e.HasKey(w => w.EntryId);
            e.Property(w => w.CommuneCode).HasMaxLength(5);
            e.HasIndex(w => new { w.CommuneCode, w.EnrolledAt }).HasFilter("left_at IS NULL");
        });
        modelBuilder.Entity<MissionCompletion>(e =>
        {
            e.ToTable("mission_completions");
            e.HasKey(m => m.MissionId);
            e.Property(m => m.CommuneCode).HasMaxLength(5);
            e.Property(m => m.PractitionerRpps).HasMaxLength(11);
            e.Property(m => m.Kind).HasMaxLength(20);
            e.HasIndex(m => new { m.CommuneCode, m.WeekStart });
        });
        modelBuilder.Entity<CoverageGap>(e =>
        {
            e.ToTable("coverage_gaps");
            e.HasKey(g => new { g.SiteId, g.WeekStart });
            e.Property(g => g.SiteName).HasMaxLength(200);
            e.Property(g => g.CommuneCode).HasMaxLength(5);
            e.HasIndex(g => g.CommuneCode);
        });
        modelBuilder.Entity<SiteFunding>(e =>
        {
            e.ToTable("site_funding");
            e.HasKey(f => new { f.SiteId, f.Year });
            e.Property(f => f.CommuneCode).HasMaxLength(5);
            e.Property(f => f.Costs).HasPrecision(14, 2);
            e.Property(f => f.Funding).HasPrecision(14, 2);
            e.Property(f => f.Shortfall).HasPrecision(14, 2);
        });
        modelBuilder.Entity<Cpts>(e =>
        {
            e.ToTable("territories");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(200);
            e.HasIndex(t => t.Name).IsUnique();
            e.HasMany(t => t.Communes).WithOne().HasForeignKey(c => c.CptsId);
        });
        modelBuilder.Entity<Commune>(e =>
        {
            e.ToTable("communes");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(5);
            e.Property(c => c.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(m => m.Id);
            e.Property(m => m.FirstName).HasMaxLength(100);
            e.Property(m => m.LastName).HasMaxLength(100);
            e.Property(m => m.Profession).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.Rpps).HasMaxLength(11);
            e.HasIndex(m => m.Rpps).IsUnique();
            e.Property(m => m.CommuneCode).HasMaxLength(5);
            e.Property(m => m.Email).HasMaxLength(200);
            e.Property(m => m.Phone).HasMaxLength(30);
            e.HasIndex(m => new { m.Profession, m.CommuneCode });
        });
        modelBuilder.ApplyConfiguration(new PartnerPlaceConfiguration());
        modelBuilder.ApplyConfiguration(new TeleconsultationSessionConfiguration());
        modelBuilder.ApplyConfiguration(new CoordinationTaskConfiguration());
        modelBuilder.ApplyConfiguration(new ZoneClassificationConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }

    /// <summary>Every counter starts at 0, so an upsert may name only the counters an event moves.</summary>
    private static void Counters<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : IndicatorCounters
    {
        e.Property(c => c.PatientsWithoutGp).HasDefaultValue(0);
        e.Property(c => c.WaitingListEntries).HasDefaultValue(0);
        e.Property(c => c.Registered).HasDefaultValue(0);
        e.Property(c => c.GivenAGp).HasDefaultValue(0);
        e.Property(c => c.Consultations).HasDefaultValue(0);
        e.Property(c => c.Orientations).HasDefaultValue(0);
        e.Property(c => c.MissionsCompleted).HasDefaultValue(0);
        e.Property(c => c.DaysWorked).HasDefaultValue(0);
        e.Property(c => c.SiteWeeksCovered).HasDefaultValue(0);
        e.Property(c => c.SiteWeeksUncovered).HasDefaultValue(0);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class CoordinationDbContextFactory : DesignTimeFactory<CoordinationDbContext>;
