using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Coordination.Indicators;

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
