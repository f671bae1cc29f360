using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Geography;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>Counts each registered person once in their commune (inbox: a redelivery counts nothing).</summary>
public sealed class PatientRegisteredConsumer(CoordinationDbContext db, ILogger<PatientRegisteredConsumer> logger)
    : InboxConsumer<PatientRegistered, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientRegistered> context, CancellationToken cancellationToken) =>
        Db.CountAsync(context.Message.CommuneCode, CommuneCounts.Day(context.Message.RegisteredAt),
            [("patients_without_gp", 1), ("registered", 1)], context.MessageId, cancellationToken);
}

/// <summary>A person given a referring GP for the first time leaves their commune's count of people without one.</summary>
public sealed class PatientAssignedReferentConsumer(CoordinationDbContext db, ILogger<PatientAssignedReferentConsumer> logger)
    : InboxConsumer<PatientAssignedReferent, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientAssignedReferent> context, CancellationToken cancellationToken)
    {
        if (context.Message.FirstReferent) // a change of referent changes no count
        {
            await Db.CountAsync(context.Message.CommuneCode, CommuneCounts.Day(context.Message.AssignedAt),
                [("patients_without_gp", -1), ("given_a_gp", 1)], context.MessageId, cancellationToken);
        }
    }
}

/// <summary>A person still without a GP who moves is counted in their new commune instead of the old one.</summary>
public sealed class PatientMovedConsumer(CoordinationDbContext db, ILogger<PatientMovedConsumer> logger)
    : InboxConsumer<PatientMoved, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientMoved> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (m.HasReferringGp)
        {
            return;
        }

        var day = CommuneCounts.Day(m.MovedAt);
        await Db.CountAsync(m.FromCommuneCode, day, [("patients_without_gp", -1)], context.MessageId, cancellationToken);
        await Db.CountAsync(m.ToCommuneCode, day, [("patients_without_gp", 1)], context.MessageId, cancellationToken);
    }
}

/// <summary>A batch of a bulk import adds its people to their communes' counts.</summary>
public sealed class PatientsImportedConsumer(CoordinationDbContext db, ILogger<PatientsImportedConsumer> logger)
    : InboxConsumer<PatientsImported, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientsImported> context, CancellationToken cancellationToken)
    {
        foreach (var commune in context.Message.Communes)
        {
            if (commune.Count < 0)
            {
                throw new InvalidMessageException($"PatientsImported {context.MessageId}: negative count for {commune.CommuneCode}.");
            }

            await Db.CountAsync(commune.CommuneCode, CommuneCounts.Day(context.Message.ImportedAt),
                [("patients_without_gp", commune.Count)], context.MessageId, cancellationToken);
        }
    }
}

/// <summary>Waiting-list length and oldest wait per commune of residence.</summary>
public sealed class PatientEnrolledConsumer(CoordinationDbContext db, ILogger<PatientEnrolledConsumer> logger)
    : InboxConsumer<PatientEnrolled, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientEnrolled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, CommuneCounts.Day(m.EnrolledAt), [("waiting_list_entries", 1)], context.MessageId, cancellationToken);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO waiting_entries (entry_id, commune_code, enrolled_at) VALUES ({m.EntryId}, {m.CommuneCode}, {m.EnrolledAt})
            ON CONFLICT (entry_id) DO UPDATE SET enrolled_at = excluded.enrolled_at, commune_code = excluded.commune_code
            """, cancellationToken);
    }
}

public sealed class PatientLeftWaitingListConsumer(CoordinationDbContext db, ILogger<PatientLeftWaitingListConsumer> logger)
    : InboxConsumer<PatientLeftWaitingList, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientLeftWaitingList> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, CommuneCounts.Day(m.LeftAt), [("waiting_list_entries", -1)], context.MessageId, cancellationToken);
        // Arriving before its PatientEnrolled (out of order), the entry is recorded as left and never counts as waiting.
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO waiting_entries (entry_id, commune_code, left_at) VALUES ({m.EntryId}, {m.CommuneCode}, {m.LeftAt})
            ON CONFLICT (entry_id) DO UPDATE SET left_at = excluded.left_at
            """, cancellationToken);
    }
}

public sealed class ConsultationRecordedConsumer(CoordinationDbContext db, ILogger<ConsultationRecordedConsumer> logger)
    : InboxConsumer<ConsultationRecorded, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<ConsultationRecorded> context, CancellationToken cancellationToken) =>
        Db.CountAsync(context.Message.CommuneCode, context.Message.Date, [("consultations", 1)], context.MessageId, cancellationToken);
}

/// <summary>Missions completed, days worked, weeks covered and the volunteers who came, per commune of the site.</summary>
public sealed class MissionCompletedConsumer(CoordinationDbContext db, ILogger<MissionCompletedConsumer> logger)
    : InboxConsumer<MissionCompleted, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<MissionCompleted> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (m.DaysWorked < 0)
        {
            throw new InvalidMessageException($"MissionCompleted {context.MessageId}: negative days worked.");
        }

        if (await Db.MissionCompletions.AnyAsync(c => c.MissionId == m.MissionId, cancellationToken))
        {
            return; // the same mission announced under another MessageId
        }

        Db.MissionCompletions.Add(new MissionCompletion
        {
            MissionId = m.MissionId,
            CommuneCode = m.CommuneCode,
            SiteId = m.SiteId,
            PractitionerRpps = m.PractitionerRpps,
            Kind = m.Kind,
            WeekStart = CommuneCounts.WeekOf(m.StartDate),
            DaysWorked = m.DaysWorked,
        });
        if (m.CommuneCode is null)
        {
            return; // kept, not placed: reconciliation with Missions can place it
        }

        await Db.CountAsync(m.CommuneCode, m.StartDate,
            [("missions_completed", 1), ("days_worked", m.DaysWorked), ("site_weeks_covered", m.Kind == "WeeklyRotation" ? 1 : 0)], context.MessageId, cancellationToken);
    }
}

/// <summary>Open coverage gaps per commune and week (CoverageGapDetected / CoverageGapFilled, in either order).</summary>
public sealed class CoverageGapDetectedConsumer(CoordinationDbContext db, ILogger<CoverageGapDetectedConsumer> logger)
    : InboxConsumer<CoverageGapDetected, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<CoverageGapDetected> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, m.WeekStart, [("site_weeks_uncovered", 1)], context.MessageId, cancellationToken);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO coverage_gaps (site_id, week_start, site_name, commune_code, lines, detected_at)
            VALUES ({m.SiteId}, {m.WeekStart}, {m.SiteName}, {m.CommuneCode}, {m.Lines}, {m.DetectedAt})
            ON CONFLICT (site_id, week_start) DO UPDATE SET site_name = excluded.site_name, lines = excluded.lines, detected_at = excluded.detected_at
            """, cancellationToken);
    }
}

public sealed class CoverageGapFilledConsumer(CoordinationDbContext db, ILogger<CoverageGapFilledConsumer> logger)
    : InboxConsumer<CoverageGapFilled, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<CoverageGapFilled> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.CountAsync(m.CommuneCode, m.WeekStart, [("site_weeks_uncovered", -1)], context.MessageId, cancellationToken);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO coverage_gaps (site_id, week_start, site_name, commune_code, lines, detected_at, filled_at)
            VALUES ({m.SiteId}, {m.WeekStart}, '', {m.CommuneCode}, 0, {m.FilledAt}, {m.FilledAt})
            ON CONFLICT (site_id, week_start) DO UPDATE SET filled_at = excluded.filled_at
            """, cancellationToken);
    }
}

/// <summary>The latest funding figures of each site-year, as Funding announces its shortfalls (older news ignored).</summary>
public sealed class BudgetShortfallDetectedConsumer(CoordinationDbContext db, ILogger<BudgetShortfallDetectedConsumer> logger)
    : InboxConsumer<BudgetShortfallDetected, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<BudgetShortfallDetected> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (m.CommuneCode is not null && !CommuneCodes.IsWellFormed(m.CommuneCode))
        {
            throw new InvalidMessageException($"BudgetShortfallDetected {context.MessageId}: communeCode '{m.CommuneCode}' is not an INSEE code.");
        }

        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO site_funding AS f (site_id, year, commune_code, costs, funding, shortfall, announced_at)
            VALUES ({m.SiteId}, {m.Year}, {m.CommuneCode}, {m.Costs}, {m.Funding}, {m.Shortfall}, {m.DetectedAt})
            ON CONFLICT (site_id, year) DO UPDATE SET commune_code = coalesce(excluded.commune_code, f.commune_code), costs = excluded.costs,
                funding = excluded.funding, shortfall = excluded.shortfall, announced_at = excluded.announced_at
            WHERE f.announced_at < excluded.announced_at
            """, cancellationToken);
    }
}

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
