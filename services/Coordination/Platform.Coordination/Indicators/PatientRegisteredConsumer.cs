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
    protected override async Task ApplyAsync(ConsumeContext<PatientRegistered> context, CancellationToken cancellationToken)
    {
        var commune = context.Message.CommuneCode;
        if (!InseeCode.IsValid(commune))
        {
            throw new InvalidMessageException($"PatientRegistered {context.MessageId}: communeCode '{commune}' is not an INSEE code.");
        }

        // One atomic statement, so concurrent registrations in one commune never lose an increment.
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO commune_indicators (commune_code, patients_without_gp, updated_at)
            VALUES ({commune}, 1, {DateTimeOffset.UtcNow})
            ON CONFLICT (commune_code) DO UPDATE
            SET patients_without_gp = commune_indicators.patients_without_gp + 1, updated_at = excluded.updated_at
            """, cancellationToken);
    }
}
