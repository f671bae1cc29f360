using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

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
