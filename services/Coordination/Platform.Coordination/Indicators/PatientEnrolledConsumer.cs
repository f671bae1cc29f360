using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

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
