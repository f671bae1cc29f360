using Microsoft.EntityFrameworkCore;
using Platform.Geography;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

internal static class CommuneCounts
{
    /// <summary>The Monday of a day's week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The (UTC) day of an event's time.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>
    /// Adds deltas to a commune's counters, now and in the week of <paramref name="day"/>, in one upsert per table. The
    /// upsert locks the row until the consumer's transaction commits, so concurrent events for one commune queue and
    /// none is lost; adding (never setting) makes the result independent of the order events arrive in.
    /// </summary>
    public static async Task CountAsync(this CoordinationDbContext db, string commune, DateOnly day, (string Counter, int Delta)[] changes,
        Guid? messageId, CancellationToken ct)
    {
        // The shape only: the publishing service checked the code against its reference, whose vintage may be newer
        // than this one's during a rolling upgrade.
        if (!CommuneCodes.IsWellFormed(commune))
        {
            throw new InvalidMessageException($"Message {messageId}: communeCode '{commune}' is not an INSEE code.");
        }

        if (changes.Any(c => !IndicatorCounters.Columns.Contains(c.Counter)))
        {
            throw new ArgumentOutOfRangeException(nameof(changes));
        }

        var columns = string.Join(", ", changes.Select(c => c.Counter));
        var values = string.Join(", ", changes.Select((_, i) => $"{{{i + 2}}}"));
        var sums = string.Join(", ", changes.Select(c => $"{c.Counter} = t.{c.Counter} + excluded.{c.Counter}"));
        var deltas = changes.Select(c => (object)c.Delta);
#pragma warning disable EF1002 // column names come from the fixed list above; values are parameters
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO commune_indicators AS t (commune_code, updated_at, {{columns}}) VALUES ({0}, {1}, {{values}})
            ON CONFLICT (commune_code) DO UPDATE SET {{sums}}, updated_at = excluded.updated_at
            """, [commune, DateTimeOffset.UtcNow, .. deltas], ct);
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO commune_weeks AS t (commune_code, week_start, {{columns}}) VALUES ({0}, {1}, {{values}})
            ON CONFLICT (commune_code, week_start) DO UPDATE SET {{sums}}
            """, [commune, WeekOf(day), .. deltas], ct);
#pragma warning restore EF1002
    }
}
