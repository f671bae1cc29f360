using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Coordination.Indicators;
using Platform.Coordination.Territory;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Tasks;

[JsonConverter(typeof(StrictEnumConverter<TaskStatus>))]
public enum TaskStatus
{
    Open,
    Assigned,
    Done,
}

/// <summary>Follow-up work for a member of the CPTS, born from a consultation's orientation.</summary>
public sealed class CoordinationTask
{
    public Guid Id { get; init; }

    public Guid OrientationId { get; init; }

    /// <summary>Opaque patient id (identity stays in the Patients service).</summary>
    public Guid PatientId { get; init; }

    public required string CommuneCode { get; init; }

    /// <summary>What the orientation asks: Specialist, NurseFollowUp, Pharmacy, SocialWorker.</summary>
    public required string Kind { get; init; }

    /// <summary>The profession of the member who should take it; <see cref="AnyProfession"/> for a kind this version does not know.</summary>
    public required string Profession { get; init; }

    /// <summary>The profession of a task whose kind is unknown here (from a newer Patients): any member may take it.</summary>
    public const string AnyProfession = "Any";

    /// <summary>The orientation kinds this version knows, and the profession each asks for.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProfessionByKind = new Dictionary<string, string>
    {
        ["NurseFollowUp"] = "Nurse",
        ["Pharmacy"] = "Pharmacist",
        ["SocialWorker"] = "SocialWorker",
        ["Specialist"] = "Doctor",
    };

    public string? Note { get; init; }

    public TaskStatus Status { get; set; }

    /// <summary>The member (of the task's profession) who took it.</summary>
    public Guid? AssignedMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset DueBy { get; init; }

    public DateTimeOffset? DoneAt { get; set; }
}

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
            Status = TaskStatus.Open,
            CreatedAt = now,
            DueBy = now.AddDays(DueDays),
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PatientOrientated {MessageId}: orientation kind '{Kind}' is unknown to this version; the task is open to any member, marked for triage.")]
    private static partial void LogUnknownKind(ILogger logger, Guid? messageId, string kind);
}

public sealed record AssignRequest([Required] Guid? MemberId);

/// <summary>A task. <see cref="Triage"/>: its kind is unknown to this version, so any member may take it.</summary>
public sealed record TaskResponse(Guid Id, Guid PatientId, string CommuneCode, string Kind, string Profession, string? Note, TaskStatus Status,
    Guid? AssignedMemberId, DateTimeOffset CreatedAt, DateTimeOffset DueBy, DateTimeOffset? DoneAt, bool Overdue, bool Triage);

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("Tasks, by status, commune, profession; ?overdue=true for the late ones")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignTask").WithSummary("Give a task to a member")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        group.MapPost("/{id:guid}/done", DoneAsync).WithName("CompleteTask").WithSummary("Mark a task done")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        return app;
    }

    internal static async Task<Ok<List<TaskResponse>>> ListAsync(CoordinationDbContext db, TimeProvider time, CancellationToken ct,
        TaskStatus? status = null, [InseeCommune] string? commune = null, string? profession = null, bool overdue = false)
    {
        var now = time.GetUtcNow();
        var query = db.Tasks.AsNoTracking()
            .Where(t => (status == null || t.Status == status) && (commune == null || t.CommuneCode == commune) && (profession == null || t.Profession == profession));
        if (overdue)
        {
            query = query.Where(t => t.Status != TaskStatus.Done && t.DueBy < now);
        }

        var tasks = await query.OrderBy(t => t.DueBy).Take(500).ToListAsync(ct);
        return TypedResults.Ok(tasks.ConvertAll(t => ToResponse(t, now)));
    }

    internal static async Task<Results<Ok<TaskResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignRequest request, CoordinationDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.MemberId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["Required: the member who takes the task."] });
        }

        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No task has this id.");
        }

        if (task.Status == TaskStatus.Done)
        {
            return TypedResults.Problem(statusCode: 409, title: "This task is done.");
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MemberId, ct);
        if (member is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["No member has this id."] });
        }

        if (task.Profession != CoordinationTask.AnyProfession && member.Profession.ToString() != task.Profession)
        {
            return TypedResults.Problem(statusCode: 409, title: $"This task needs a {task.Profession}; the member is a {member.Profession}.",
                extensions: new Dictionary<string, object?> { ["field"] = "memberId" });
        }

        task.AssignedMemberId = member.Id;
        task.Status = TaskStatus.Assigned;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(task, time.GetUtcNow()));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> DoneAsync(Guid id, CoordinationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No task has this id.");
        }

        if (task.Status != TaskStatus.Done)
        {
            task.Status = TaskStatus.Done;
            task.DoneAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(ToResponse(task, time.GetUtcNow()));
    }

    private static TaskResponse ToResponse(CoordinationTask t, DateTimeOffset now) => new(t.Id, t.PatientId, t.CommuneCode, t.Kind, t.Profession, t.Note,
        t.Status, t.AssignedMemberId, t.CreatedAt, t.DueBy, t.DoneAt, t.Status != TaskStatus.Done && t.DueBy < now,
        t.Profession == CoordinationTask.AnyProfession);
}
