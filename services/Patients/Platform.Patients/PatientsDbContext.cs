using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Patients.Registry;

namespace Platform.Patients;

/// <summary>The Patients service's own database (patientsdb). No other service reads it.</summary>
public sealed class PatientsDbContext(DbContextOptions<PatientsDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Nir).HasMaxLength(15);
            e.HasIndex(p => p.Nir).IsUnique();
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.CommuneCode).HasMaxLength(5);
            e.HasIndex(p => new { p.CommuneCode, p.HasReferringGp });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class PatientsDbContextFactory : DesignTimeFactory<PatientsDbContext>;
