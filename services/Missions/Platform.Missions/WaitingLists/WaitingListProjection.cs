using Microsoft.EntityFrameworkCore;
using Platform.Geography;
using Platform.Messaging;

namespace Platform.Missions.WaitingLists;

/// <summary>
/// Missions' projection of Patients' waiting lists, kept from its events so that the planner asks no other service
/// (Patients already calls Missions for practitioners and sites: a call back would make a synchronous cycle). Every
/// write is an upsert whose result does not depend on the order the events arrive in.
/// </summary>
public static class WaitingListProjection
{
    /// <summary>An entry open since <paramref name="enrolledAt"/>, its patient living in <paramref name="communeCode"/>: an enrolment, or a replay's entry.</summary>
    public static async Task EnrolledAsync(this MissionsDbContext db, Guid entryId, Guid patientId, string communeCode, DateTimeOffset enrolledAt,
        Guid? messageId, CancellationToken ct)
    {
        await db.CommuneAsync(patientId, communeCode, enrolledAt, messageId, ct);
        await db.EntryAsync(entryId, patientId, enrolledAt, null, ct);
    }

    public static async Task EntryAsync(this MissionsDbContext db, Guid entryId, Guid patientId, DateTimeOffset enrolledAt, DateTimeOffset? leftAt,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO waiting_entries AS w (entry_id, patient_id, enrolled_at, left_at) VALUES ({entryId}, {patientId}, {enrolledAt}, {leftAt})
            ON CONFLICT (entry_id) DO UPDATE SET left_at = coalesce(excluded.left_at, w.left_at)
            """, ct);
    }

    public static async Task CommuneAsync(this MissionsDbContext db, Guid patientId, string communeCode, DateTimeOffset since, Guid? messageId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!CommuneCodes.IsWellFormed(communeCode))
        {
            throw new InvalidMessageException($"Message {messageId}: communeCode '{communeCode}' is not an INSEE code.");
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO waiting_patients AS p (patient_id, commune_code, commune_since) VALUES ({patientId}, {communeCode}, {since})
            ON CONFLICT (patient_id) DO UPDATE SET commune_code = excluded.commune_code, commune_since = excluded.commune_since
            WHERE p.commune_since < excluded.commune_since
            """, ct);
    }

    /// <summary>People on at least one waiting list, per commune (each counted once).</summary>
    public static async Task<Dictionary<string, int>> WaitingByCommuneAsync(this MissionsDbContext db, IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = db.Set<WaitingEntry>().Where(e => e.LeftAt == null).Select(e => e.PatientId);
        return await db.Set<WaitingPatient>().Where(p => communes.Contains(p.CommuneCode) && waiting.Contains(p.PatientId))
            .GroupBy(p => p.CommuneCode).Select(g => new { Commune = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Commune, g => g.Count, StringComparer.Ordinal, ct);
    }
}
