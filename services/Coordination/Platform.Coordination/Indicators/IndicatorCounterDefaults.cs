using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Coordination.Indicators;

public static class IndicatorCounterDefaults
{
    /// <summary>Every counter starts at 0, so an upsert may name only the counters an event moves.</summary>
    public static EntityTypeBuilder<T> HasCountersFromZero<T>(this EntityTypeBuilder<T> builder)
        where T : IndicatorCounters
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.PatientsWithoutGp).HasDefaultValue(0);
        builder.Property(c => c.WaitingListEntries).HasDefaultValue(0);
        builder.Property(c => c.Registered).HasDefaultValue(0);
        builder.Property(c => c.GivenAGp).HasDefaultValue(0);
        builder.Property(c => c.Consultations).HasDefaultValue(0);
        builder.Property(c => c.Orientations).HasDefaultValue(0);
        builder.Property(c => c.MissionsCompleted).HasDefaultValue(0);
        builder.Property(c => c.DaysWorked).HasDefaultValue(0);
        builder.Property(c => c.SiteWeeksCovered).HasDefaultValue(0);
        builder.Property(c => c.SiteWeeksUncovered).HasDefaultValue(0);
        return builder;
    }
}
