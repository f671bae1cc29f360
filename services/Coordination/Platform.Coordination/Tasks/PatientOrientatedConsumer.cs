using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Coordination.Indicators;
using Platform.Messaging;

namespace Platform.Coordination.Tasks;

/// <summary>
/// Turns each orientation into one task for the right kind of member (once per orientation). An orientation of a kind
/// this version does not know (a newer Patients) still becomes a task, for any member and marked for triage
/// (<see cref="TaskResponse.Triage"/>), instead of faulting into the error queue: the patient's follow-up is not lost.
/// </summary>
public sealed partial class PatientOrientatedConsumer(CoordinationDbContext db, TimeProvider time, ILogger<PatientOrientatedConsumer> logger)
    : InboxConsumer<PatientOrientated, CoordinationDbContext>(db, logger)
{
    /// <summary>Days a follow-up may wait before it is overdue.</summary>
    public const int DueDays = 7;

    protected override async Task ApplyAsync(ConsumeContext<PatientOrientated> context, CancellationToken cancellationToken)
    {
        var o = context.Message;
        if (string.IsNullOrWhiteSpace(o.Kind) || o.Kind.Length > 64)
        {
            throw new InvalidMessageException($"PatientOrientated {context.MessageId}: no orientation kind.");
        }

        if (!CoordinationTask.ProfessionByKind.TryGetValue(o.Kind, out var profession))
        {
            profession = CoordinationTask.AnyProfession;
            LogUnknownKind(Logger, context.MessageId, o.Kind);
        }
        if (await Db.Tasks.AnyAsync(t => t.OrientationId == o.OrientationId, cancellationToken))
        {
            return;
        }

        await Db.CountAsync(o.CommuneCode, o.Date, [("orientations", 1)], context.MessageId, cancellationToken);

        var now = time.GetUtcNow();
        Db.Tasks.Add(new CoordinationTask
        {
            Id = Guid.CreateVersion7(),
            OrientationId = o.OrientationId,
            PatientId = o.PatientId,
            CommuneCode = o.CommuneCode,
            Kind = o.Kind,
            Profession = profession,
            Note = o.Note,
            Status = TaskState.Open,
            CreatedAt = now,
            DueBy = now.AddDays(DueDays),
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PatientOrientated {MessageId}: orientation kind '{Kind}' is unknown to this version; the task is open to any member, marked for triage.")]
    private static partial void LogUnknownKind(ILogger logger, Guid? messageId, string kind);
}
