using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Platform.Benchmarks.Pipeline;

/// <summary>
/// The producing service's database in the benchmark: its enrolments and the platform's outbox and inbox, as a
/// service's own DbContext has them (created with EnsureCreated: the benchmark has no migrations of its own).
/// </summary>
internal sealed class EnrolmentsDb(DbContextOptions<EnrolmentsDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new EnrolmentConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}
