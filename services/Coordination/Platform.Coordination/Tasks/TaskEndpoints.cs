using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Tasks;

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
        TaskState? status = null, [InseeCommune] string? commune = null, string? profession = null, bool overdue = false)
    {
        var now = time.GetUtcNow();
        var query = db.Tasks.AsNoTracking()
            .Where(t => (status == null || t.Status == status) && (commune == null || t.CommuneCode == commune) && (profession == null || t.Profession == profession));
        if (overdue)
        {
            query = query.Where(t => t.Status != TaskState.Done && t.DueBy < now);
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

        if (task.Status == TaskState.Done)
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
        task.Status = TaskState.Assigned;
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

        if (task.Status != TaskState.Done)
        {
            task.Status = TaskState.Done;
            task.DoneAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(ToResponse(task, time.GetUtcNow()));
    }

    private static TaskResponse ToResponse(CoordinationTask t, DateTimeOffset now) => new(t.Id, t.PatientId, t.CommuneCode, t.Kind, t.Profession, t.Note,
        t.Status, t.AssignedMemberId, t.CreatedAt, t.DueBy, t.DoneAt, t.Status != TaskState.Done && t.DueBy < now,
        t.Profession == CoordinationTask.AnyProfession);
}
