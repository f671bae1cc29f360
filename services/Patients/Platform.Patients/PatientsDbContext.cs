using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.Audit;
using Platform.Patients.BulkImport;
using Platform.Patients.Consultations;
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
        modelBuilder.ApplyConfiguration(new PatientConfiguration());
        modelBuilder.ApplyConfiguration(new WaitingListEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ReferentAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ConsultationConfiguration());
        modelBuilder.ApplyConfiguration(new OrientationConfiguration());
        modelBuilder.ApplyConfiguration(new PatientImportConfiguration());
        modelBuilder.ApplyConfiguration(new PatientImportErrorConfiguration());
        modelBuilder.ApplyConfiguration(new PractitionerSiteConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class PatientsDbContextFactory : DesignTimeFactory<PatientsDbContext>;
