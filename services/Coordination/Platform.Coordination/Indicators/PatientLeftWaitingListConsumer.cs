using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

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
