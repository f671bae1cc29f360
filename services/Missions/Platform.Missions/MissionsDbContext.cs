using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Missions.Practitioners;
using Platform.Missions.Scheduling;
using Platform.Missions.Sites;

namespace Platform.Missions;

/// <summary>The Missions service's own database (missionsdb).</summary>
public sealed class MissionsDbContext(DbContextOptions<MissionsDbContext> options) : DbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<CoverageGapAlert> CoverageGapAlerts => Set<CoverageGapAlert>();

    public DbSet<Planning.StoredPlan> Plans => Set<Planning.StoredPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Site>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.CommuneCode).HasMaxLength(5);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(s => s.Finess).HasMaxLength(9);
            e.Property(s => s.OpeningHours).HasMaxLength(200);
            e.HasIndex(s => new { s.CommuneCode, s.Name }).IsUnique();
        });
        modelBuilder.Entity<Practitioner>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Rpps).HasMaxLength(11);
            e.HasIndex(p => p.Rpps).IsUnique();
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.HomeCommuneCode).HasMaxLength(5);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.Availability).HasColumnType("jsonb").HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Web),
                v => System.Text.Json.JsonSerializer.Deserialize<List<AvailabilityWindow>>(v, System.Text.Json.JsonSerializerOptions.Web) ?? new List<AvailabilityWindow>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<AvailabilityWindow>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, w) => HashCode.Combine(h, w)), v => v.ToList()));
        });
        modelBuilder.Entity<Mission>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.PractitionerRpps).HasMaxLength(11);
            e.Property(m => m.Version).IsRowVersion();
            e.Ignore(m => m.Days);
            e.Ignore(m => m.DefaultDaysWorked);
            e.Ignore(m => m.CorrelationId);
            e.Ignore(m => m.CurrentState);
            e.Ignore(m => m.PendingEvents);
            e.HasMany(m => m.History).WithOne().HasForeignKey(t => t.MissionId);
            e.HasIndex(m => new { m.PractitionerRpps, m.StartDate });
            e.HasIndex(m => new { m.SiteId, m.StartDate });
        });
        modelBuilder.Entity<MissionTransition>(e =>
        {
            e.ToTable("mission_transitions");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).UseIdentityAlwaysColumn();
            e.Property(t => t.From).HasColumnName("from_state").HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.To).HasColumnName("to_state").HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.By).HasColumnName("requested_by").HasMaxLength(200);
            e.Property(t => t.At).HasColumnName("applied_at");
            e.HasIndex(t => t.MissionId);
        });
        modelBuilder.Entity<CoverageGapAlert>(e =>
        {
            e.ToTable("coverage_gap_alerts");
            e.HasKey(a => new { a.SiteId, a.WeekStart });
        });
        modelBuilder.Entity<Planning.StoredPlan>(e =>
        {
            e.ToTable("plans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Assignments).HasColumnType("jsonb");
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class MissionsDbContextFactory : DesignTimeFactory<MissionsDbContext>;
