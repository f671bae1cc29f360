using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Funding.Indemnities;

/// <summary>Writes the indemnity of a completed mission, once (inbox, and one line per mission in the database).</summary>
public sealed class MissionCompletedConsumer(FundingDbContext db, TimeProvider time, ILogger<MissionCompletedConsumer> logger)
    : InboxConsumer<MissionCompleted, FundingDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<MissionCompleted> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (!Rpps.IsValid(m.PractitionerRpps) || m.DaysWorked is < 0 or > 31 || m.EndDate < m.StartDate)
        {
            throw new InvalidMessageException($"MissionCompleted {m.MissionId}: invalid RPPS, days worked or dates.");
        }

        if (IndemnityRules.AmountFor(m.Kind, m.DaysWorked) is not { } amount || amount == 0)
        {
            return; // salaried schedule, or nothing worked
        }

        if (await Db.IndemnityLines.AnyAsync(l => l.MissionId == m.MissionId && l.ReversesLineId == null, cancellationToken))
        {
            return; // the same mission announced again under another message id
        }

        Db.IndemnityLines.Add(new IndemnityLine
        {
            MissionId = m.MissionId,
            PractitionerRpps = m.PractitionerRpps,
            SiteId = m.SiteId,
            DueOn = m.EndDate,
            Amount = amount,
            Description = m.Kind == "SolidarityDays"
                ? $"{m.DaysWorked} solidarity day(s) × 200 EUR"
                : m.DaysWorked >= IndemnityRules.RotationDays ? "Weekly rotation (6 days)" : $"Weekly rotation, {m.DaysWorked} of 6 days (pro rata)",
            RecordedAt = time.GetUtcNow(),
        });
    }
}
