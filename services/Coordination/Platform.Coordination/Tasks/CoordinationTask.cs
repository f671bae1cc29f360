using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Coordination.Indicators;
using Platform.Coordination.Territory;
using Platform.Messaging;

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

    /// <summary>The profession of the member who should take it.</summary>
    public required string Profession { get; init; }

    public string? Note { get; init; }

    public TaskStatus Status { get; set; }

    /// <summary>The member (of the task's profession) who took it.</summary>
    public Guid? AssignedMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset DueBy { get; init; }

    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>Turns each orientation into one task for the right kind of member (once per orientation).</summary>
public sealed class PatientOrientatedConsumer(CoordinationDbContext db, TimeProvider time, ILogger<PatientOrientatedConsumer> logger)
    : InboxConsumer<PatientOrientated, CoordinationDbContext>(db, logger)
{
    /// <summary>Days a follow-up may wait before it is overdue.</summary>
    public const int DueDays = 7;

    protected override async Task ApplyAsync(ConsumeContext<PatientOrientated> context, CancellationToken cancellationToken)
    {
        var o = context.Message;
        var profession = o.Kind switch
        {
            "NurseFollowUp" => "Nurse",
            "Pharmacy" => "Pharmacist",
            "SocialWorker" => "SocialWorker",
            "Specialist" => "Doctor",
            _ => throw new InvalidMessageException($"PatientOrientated {context.MessageId}: unknown orientation kind '{o.Kind}'."),
        };
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
}

public sealed record AssignRequest(Guid? MemberId);

public sealed record TaskResponse(Guid Id, Guid PatientId, string CommuneCode, string Kind, string Profession, string? Note, TaskStatus Status,
    Guid? AssignedMemberId, DateTimeOffset CreatedAt, DateTimeOffset DueBy, DateTimeOffset? DoneAt, bool Overdue);

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("Tasks, by status, commune, profession; ?overdue=true for the late ones");
        group.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignTask").WithSummary("Give a task to a member");
        group.MapPost("/{id:guid}/done", DoneAsync).WithName("CompleteTask").WithSummary("Mark a task done");
        return app;
    }

    internal static async Task<Ok<List<TaskResponse>>> ListAsync(CoordinationDbContext db, TimeProvider time, CancellationToken ct,
        TaskStatus? status = null, string? commune = null, string? profession = null, bool overdue = false)
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

        if (member.Profession.ToString() != task.Profession)
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
        t.Status, t.AssignedMemberId, t.CreatedAt, t.DueBy, t.DoneAt, t.Status != TaskStatus.Done && t.DueBy < now);
}
