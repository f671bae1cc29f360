using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.Audit;
using Platform.Patients.Consultations;
using Platform.Patients.BulkImport;
using Platform.Patients.Referents;
using Platform.Patients.Registry;
using Platform.Patients.WaitingLists;

namespace Platform.Patients;

/// <summary>The Patients service's own database (patientsdb). No other service reads it.</summary>
public sealed class PatientsDbContext(DbContextOptions<PatientsDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<WaitingListEntry> WaitingListEntries => Set<WaitingListEntry>();

    public DbSet<ReferentAssignment> ReferentAssignments => Set<ReferentAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<PatientImport> PatientImports => Set<PatientImport>();

    public DbSet<PatientImportError> PatientImportErrors => Set<PatientImportError>();

    public DbSet<PractitionerSite> PractitionerSites => Set<PractitionerSite>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>(e =>
        {
            e.HasKey(p => p.Id);
            // The identity is stored enciphered only (Protection/IdentityCipher): the clear properties are not columns.
            e.Ignore(p => p.Nir);
            e.Ignore(p => p.FirstName);
            e.Ignore(p => p.LastName);
            e.Ignore(p => p.BirthDate);
            e.Ignore(p => p.Phone);
            e.Ignore(p => p.Email);
            e.Property(p => p.KeyId).HasMaxLength(20);
            e.HasIndex(p => p.NirIndex).IsUnique();
            e.HasIndex(p => p.NameKeys).HasMethod("gin");
            e.HasIndex(p => p.KeyId);
            e.Property(p => p.CommuneCode).HasMaxLength(5);
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(p => new { p.CommuneCode, p.HasReferringGp });
        });
        modelBuilder.Entity<WaitingListEntry>(e =>
        {
            e.HasKey(w => w.Id);
            e.Property(w => w.ListId).HasMaxLength(60);
            e.Property(w => w.LeaveReason).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId);
            // One active place per patient and list; the ranking query reads the active entries of one list.
            e.HasIndex(w => new { w.PatientId, w.ListId }).IsUnique().HasFilter("left_at IS NULL");
            e.HasIndex(w => w.ListId).HasFilter("left_at IS NULL");
        });
        modelBuilder.Entity<ReferentAssignment>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Rpps).HasMaxLength(11);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId);
            e.HasIndex(a => a.PatientId);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.Partner).HasMaxLength(100);
            e.Property(a => a.Role).HasMaxLength(50);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.Route).HasMaxLength(300);
            e.HasIndex(a => a.PatientId);
        });
        modelBuilder.Entity<Consultation>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.PractitionerRpps).HasMaxLength(11);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            e.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
            e.HasMany(c => c.Orientations).WithOne().HasForeignKey(o => o.ConsultationId);
            e.HasIndex(c => c.PatientId);
        });
        modelBuilder.Entity<Orientation>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.Note).HasMaxLength(500);
        });
        modelBuilder.Entity<PatientImport>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Sha256).HasMaxLength(64);
            e.HasIndex(i => i.Sha256);
            e.Property(i => i.Node).HasMaxLength(100);
            e.HasIndex(i => new { i.Node, i.Status });
            e.Property(i => i.Error).HasMaxLength(1000);
            e.Property(i => i.Scope).HasDefaultValue("region"); // imports made before scopes were the region's
        });
        modelBuilder.Entity<PatientImportError>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.Field).HasMaxLength(40);
            e.Property(x => x.Message).HasMaxLength(300);
            e.HasIndex(x => new { x.ImportId, x.Line });
        });
        modelBuilder.ApplyConfiguration(new PractitionerSiteConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class PatientsDbContextFactory : DesignTimeFactory<PatientsDbContext>;
