using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Territory;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.Profession).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Rpps).HasMaxLength(11);
        builder.HasIndex(m => m.Rpps).IsUnique();
        builder.Property(m => m.CommuneCode).HasMaxLength(5);
        builder.Property(m => m.Email).HasMaxLength(200);
        builder.Property(m => m.Phone).HasMaxLength(30);
        builder.HasIndex(m => new { m.Profession, m.CommuneCode });
    }
}
