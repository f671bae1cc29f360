using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Territory;

public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/members").WithTags("Territory");
        group.MapPost("/", CreateAsync).WithName("CreateMember").WithSummary("A professional joins the CPTS (commune of its territory; RPPS unique)")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        group.MapGet("/", ListAsync).WithName("ListMembers").WithSummary("Members by profession, commune, availability; paged")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetMember").WithSummary("One member of the CPTS network")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapPut("/{id:guid}/availability", SetAvailabilityAsync).WithName("SetMemberAvailability")
            .WithSummary("Whether the member takes follow-ups now: {\"available\": true}")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        return app;
    }

    internal static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        MemberRequest request, CoordinationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The member cannot be recorded as given.");
        }

        if (!await db.Communes.AnyAsync(c => c.Code == request.CommuneCode, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["communeCode"] = ["This commune is not in any CPTS's territory."] },
                title: "Unknown commune.");
        }

        if (request.Rpps is not null && await db.Members.AnyAsync(m => m.Rpps == request.Rpps, ct))
        {
            return TypedResults.Problem(statusCode: 409, title: "A member with this RPPS exists already.", extensions: new Dictionary<string, object?> { ["field"] = "rpps" });
        }

        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            Profession = request.Profession!.Value,
            Rpps = request.Rpps,
            CommuneCode = request.CommuneCode!,
            Email = request.Email?.Trim(),
            Phone = request.Phone?.Trim(),
            AvailableForFollowUps = request.AvailableForFollowUps ?? true,
            CreatedAt = time.GetUtcNow(),
        };
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(statusCode: 409, title: "A member with this RPPS exists already.", extensions: new Dictionary<string, object?> { ["field"] = "rpps" });
        }

        return TypedResults.Created($"/api/coordination/members/{member.Id}", ToResponse(member));
    }

    internal static async Task<Results<Ok<MemberPage>, ValidationProblem>> ListAsync(CoordinationDbContext db, CancellationToken ct,
        Profession? profession = null, [InseeCommune] string? commune = null, bool? available = null, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var query = db.Members.AsNoTracking().Where(m => (profession == null || m.Profession == profession)
            && (commune == null || m.CommuneCode == commune) && (available == null || m.AvailableForFollowUps == available));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.LastName).ThenBy(m => m.FirstName).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new MemberPage(items.ConvertAll(ToResponse), page, pageSize, total));
    }

    internal static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> GetAsync(Guid id, CoordinationDbContext db, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? TypedResults.Problem(statusCode: 404, title: "No member has this id.") : TypedResults.Ok(ToResponse(member));
    }

    public sealed record AvailabilityRequest([Required] bool? Available);

    internal static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> SetAvailabilityAsync(
        Guid id, AvailabilityRequest request, CoordinationDbContext db, CancellationToken ct)
    {
        if (request.Available is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["available"] = ["Required: true or false."] });
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No member has this id.");
        }

        member.AvailableForFollowUps = request.Available.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(member));
    }

    internal static Dictionary<string, string[]> Validate(MemberRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.FirstName) || r.FirstName.Length > 100)
        {
            errors["firstName"] = ["Required, at most 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(r.LastName) || r.LastName.Length > 100)
        {
            errors["lastName"] = ["Required, at most 100 characters."];
        }

        if (r.Profession is null)
        {
            errors["profession"] = RequestValidation.RequiredOneOf<Profession>();
        }

        if (r.Rpps is not null && !Rpps.IsValid(r.Rpps))
        {
            errors["rpps"] = [Rpps.Rule];
        }

        if (InseeCode.Problem(r.CommuneCode) is { } communeProblem)
        {
            errors["communeCode"] = [communeProblem];
        }

        RequestValidation.ContactErrors(r.Email, r.Phone, errors);

        return errors;
    }

    internal static MemberResponse ToResponse(Member m) =>
        new(m.Id, m.FirstName, m.LastName, m.Profession, m.Rpps, m.CommuneCode, m.Email, m.Phone, m.AvailableForFollowUps);
}
