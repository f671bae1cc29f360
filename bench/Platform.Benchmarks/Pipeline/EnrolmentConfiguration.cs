using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Benchmarks.Pipeline;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.WaitingList).HasMaxLength(40);
        builder.Property(e => e.CommuneCode).HasMaxLength(5);
        builder.HasIndex(e => e.PatientId);
    }
}
