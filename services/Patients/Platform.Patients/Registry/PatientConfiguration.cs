using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Patients.Registry;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.Id);
        // The identity is stored enciphered only (Protection/IdentityCipher): the clear properties are not columns.
        builder.Ignore(p => p.Nir);
        builder.Ignore(p => p.FirstName);
        builder.Ignore(p => p.LastName);
        builder.Ignore(p => p.BirthDate);
        builder.Ignore(p => p.Phone);
        builder.Ignore(p => p.Email);
        builder.Property(p => p.KeyId).HasMaxLength(20);
        builder.HasIndex(p => p.NirIndex).IsUnique();
        builder.HasIndex(p => p.NameKeys).HasMethod("gin");
        builder.HasIndex(p => p.KeyId);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(p => new { p.CommuneCode, p.HasReferringGp });
    }
}
