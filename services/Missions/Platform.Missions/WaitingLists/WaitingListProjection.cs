using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
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
    /// <summary>
    /// Applies <paramref name="writes"/> in the consumer's transaction, in one round trip to PostgreSQL (an
    /// <see cref="NpgsqlBatch"/>): an enrolment's two upserts cost one exchange instead of two, a replay's page one
    /// instead of a thousand.
    /// </summary>
    public static async Task ApplyAsync(this MissionsDbContext db, IEnumerable<NpgsqlBatchCommand> writes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writes);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("The waiting-list projection is written in a consumer's transaction (InboxConsumer).");
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var write in writes)
        {
            batch.BatchCommands.Add(write);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An entry open since <paramref name="enrolledAt"/>, its patient living in <paramref name="communeCode"/>: an enrolment, or a replay's entry.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Enrolled(Guid entryId, Guid patientId, string communeCode, DateTimeOffset enrolledAt, Guid? messageId) =>
        [Commune(patientId, communeCode, enrolledAt, messageId), Entry(entryId, patientId, enrolledAt, null)];

    /// <summary>An entry, open or left: a later departure is kept whatever the order the events arrive in.</summary>
    public static NpgsqlBatchCommand Entry(Guid entryId, Guid patientId, DateTimeOffset enrolledAt, DateTimeOffset? leftAt) => new("""
        INSERT INTO waiting_entries AS w (entry_id, patient_id, enrolled_at, left_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (entry_id) DO UPDATE SET left_at = coalesce(excluded.left_at, w.left_at)
        """)
    {
        Parameters =
        {
            new() { Value = entryId },
            new() { Value = patientId },
            new() { Value = enrolledAt.ToUniversalTime() },
            new() { Value = leftAt is { } left ? left.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };

    /// <summary>Where a patient lives since <paramref name="since"/>: the latest move wins, whatever the order the events arrive in.</summary>
    public static NpgsqlBatchCommand Commune(Guid patientId, string communeCode, DateTimeOffset since, Guid? messageId)
    {
        if (!CommuneCodes.IsWellFormed(communeCode))
        {
            throw new InvalidMessageException($"Message {messageId}: communeCode '{communeCode}' is not an INSEE code.");
        }

        return new("""
            INSERT INTO waiting_patients AS p (patient_id, commune_code, commune_since) VALUES ($1, $2, $3)
            ON CONFLICT (patient_id) DO UPDATE SET commune_code = excluded.commune_code, commune_since = excluded.commune_since
            WHERE p.commune_since < excluded.commune_since
            """)
        {
            Parameters = { new() { Value = patientId }, new() { Value = communeCode }, new() { Value = since.ToUniversalTime() } },
        };
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
