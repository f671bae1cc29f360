using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

/// <summary>Counts each registered person once in their commune's indicators (inbox: a redelivery counts nothing).</summary>
public sealed class PatientRegisteredConsumer(CoordinationDbContext db, ILogger<PatientRegisteredConsumer> logger)
    : InboxConsumer<PatientRegistered, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientRegistered> context, CancellationToken cancellationToken) =>
        Db.AddToCommuneAsync(context.Message.CommuneCode, +1, context.MessageId, cancellationToken);
}

/// <summary>A person given a referring GP for the first time leaves their commune's count of people without one.</summary>
public sealed class PatientAssignedReferentConsumer(CoordinationDbContext db, ILogger<PatientAssignedReferentConsumer> logger)
    : InboxConsumer<PatientAssignedReferent, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientAssignedReferent> context, CancellationToken cancellationToken)
    {
        if (context.Message.FirstReferent) // a change of referent changes no count
        {
            await Db.AddToCommuneAsync(context.Message.CommuneCode, -1, context.MessageId, cancellationToken);
            await Db.AddToCounterAsync(context.Message.CommuneCode, "given_a_gp", 1, context.MessageId, cancellationToken);
        }
    }
}

/// <summary>A person still without a GP who moves is counted in their new commune instead of the old one.</summary>
public sealed class PatientMovedConsumer(CoordinationDbContext db, ILogger<PatientMovedConsumer> logger)
    : InboxConsumer<PatientMoved, CoordinationDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<PatientMoved> context, CancellationToken cancellationToken)
    {
        if (context.Message.HasReferringGp)
        {
            return;
        }

        await Db.AddToCommuneAsync(context.Message.FromCommuneCode, -1, context.MessageId, cancellationToken);
        await Db.AddToCommuneAsync(context.Message.ToCommuneCode, +1, context.MessageId, cancellationToken);
    }
}

/// <summary>Waiting-list length per commune of residence.</summary>
public sealed class PatientEnrolledConsumer(CoordinationDbContext db, ILogger<PatientEnrolledConsumer> logger)
    : InboxConsumer<PatientEnrolled, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientEnrolled> context, CancellationToken cancellationToken) =>
        Db.AddToCounterAsync(context.Message.CommuneCode, "waiting_list_entries", 1, context.MessageId, cancellationToken);
}

public sealed class PatientLeftWaitingListConsumer(CoordinationDbContext db, ILogger<PatientLeftWaitingListConsumer> logger)
    : InboxConsumer<PatientLeftWaitingList, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<PatientLeftWaitingList> context, CancellationToken cancellationToken) =>
        Db.AddToCounterAsync(context.Message.CommuneCode, "waiting_list_entries", -1, context.MessageId, cancellationToken);
}

public sealed class ConsultationRecordedConsumer(CoordinationDbContext db, ILogger<ConsultationRecordedConsumer> logger)
    : InboxConsumer<ConsultationRecorded, CoordinationDbContext>(db, logger)
{
    protected override Task ApplyAsync(ConsumeContext<ConsultationRecorded> context, CancellationToken cancellationToken) =>
        Db.AddToCounterAsync(context.Message.CommuneCode, "consultations", 1, context.MessageId, cancellationToken);
}

internal static class CommuneCounts
{
    /// <summary>The counters of commune_indicators an event may move (column names: never taken from a message).</summary>
    private static readonly HashSet<string> s_counters = ["patients_without_gp", "waiting_list_entries", "consultations", "given_a_gp"];

    /// <summary>Adds <paramref name="delta"/> to a commune's count of people without a GP (never below zero).</summary>
    public static Task AddToCommuneAsync(this CoordinationDbContext db, string commune, int delta, Guid? messageId, CancellationToken ct) =>
        db.AddToCounterAsync(commune, "patients_without_gp", delta, messageId, ct);

    /// <summary>
    /// Adds to one of a commune's counters; a counter never goes below zero. The update locks the commune's row until
    /// the consumer's transaction commits, so concurrent events for one commune queue and none is lost.
    /// </summary>
    public static async Task AddToCounterAsync(this CoordinationDbContext db, string commune, string counter, int delta, Guid? messageId, CancellationToken ct)
    {
        if (!InseeCode.IsValid(commune))
        {
            throw new InvalidMessageException($"Message {messageId}: communeCode '{commune}' is not an INSEE code.");
        }

        if (!s_counters.Contains(counter))
        {
            throw new ArgumentOutOfRangeException(nameof(counter));
        }

        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO commune_indicators (commune_code, patients_without_gp, waiting_list_entries, consultations, given_a_gp, updated_at)
            VALUES ({commune}, 0, 0, 0, 0, {now})
            ON CONFLICT (commune_code) DO NOTHING
            """, ct);
#pragma warning disable EF1002 // the column name comes from the fixed list above
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE commune_indicators SET {counter} = greatest(0, {counter} + {{1}}), updated_at = {{2}} WHERE commune_code = {{0}}",
            [commune, delta, now], ct);
#pragma warning restore EF1002
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

            await Db.AddToCommuneAsync(commune.CommuneCode, commune.Count, context.MessageId, cancellationToken);
        }
    }
}
