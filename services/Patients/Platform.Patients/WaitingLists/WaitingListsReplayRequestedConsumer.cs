using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Patients.WaitingLists;

/// <summary>
/// Missions rebuilds its waiting-list projection: every open entry with its patient's commune, in pages of
/// <see cref="PageSize"/>, written to the outbox in one transaction with the inbox row (a request delivered twice is
/// answered once). Ids and communes only: no identity is read or deciphered.
/// </summary>
public sealed partial class WaitingListsReplayRequestedConsumer(PatientsDbContext db, ILogger<WaitingListsReplayRequestedConsumer> logger)
    : InboxConsumer<WaitingListsReplayRequested, PatientsDbContext>(db, logger)
{
    public const int PageSize = 500;

    protected override async Task ApplyAsync(ConsumeContext<WaitingListsReplayRequested> context, CancellationToken cancellationToken)
    {
        var open = await (from e in Db.WaitingListEntries.AsNoTracking()
                          where e.LeftAt == null
                          join p in Db.Patients on e.PatientId equals p.Id
                          orderby e.Id
                          select new OpenWaitingEntry(e.Id, e.PatientId, p.CommuneCode, e.EnrolledAt)).ToListAsync(cancellationToken);
        var pages = open.Count == 0 ? [[]] : open.Chunk(PageSize).ToArray();
        for (var i = 0; i < pages.Length; i++)
        {
            Db.AddIntegrationEvent(new WaitingListsReplayed(context.Message.RequestId, i + 1, i == pages.Length - 1, pages[i]));
        }

        LogAnswered(Logger, context.Message.RequestId, open.Count, pages.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting-list replay {RequestId} for Missions: {Entries} open entries in {Pages} pages")]
    private static partial void LogAnswered(ILogger logger, Guid requestId, int entries, int pages);
}
