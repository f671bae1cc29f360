using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Territory;

/// <summary>A CPTS: the territorial network and the communes it serves (CPTS territories do not overlap).</summary>
public sealed class Cpts
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Commune> Communes { get; init; } = [];
}

/// <summary>A commune of a CPTS's territory, with its population (INSEE).</summary>
public sealed class Commune
{
    /// <summary>INSEE commune code.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public int Population { get; set; }

    public Guid CptsId { get; init; }
}

public sealed record CommuneInput([Required] string? Code, [Required] string? Name, [Required] int? Population);

/// <summary>A commune's name and population, its code being in the route.</summary>
public sealed record CommuneDetails([Required] string? Name, [Required] int? Population);

public sealed record CreateTerritoryRequest([Required] string? Name, [Required] IReadOnlyList<CommuneInput>? Communes);

public sealed record CommuneResponse(string Code, string Name, int Population);

public sealed record TerritoryResponse(Guid Id, string Name, int Population, IReadOnlyList<CommuneResponse> Communes);

public static class TerritoryEndpoints
{
    public const int MaxCommunes = 500;

    public static IEndpointRouteBuilder MapTerritories(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/territories").WithTags("Territory");
        group.MapPost("/", CreateAsync).WithName("CreateTerritory").WithSummary("A CPTS and its communes (INSEE code, name, population)")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        group.MapGet("/", ListAsync).WithName("ListTerritories").WithSummary("Every CPTS with its communes")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTerritory").WithSummary("One CPTS with its communes")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapPut("/{id:guid}/communes/{code}", PutCommuneAsync).WithName("PutCommune")
            .WithSummary("Add a commune to a CPTS, or correct its name or population")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        return app;
    }

    internal static async Task<Results<Created<TerritoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTerritoryRequest request, CoordinationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        if (request.Communes is not { Count: > 0 and <= MaxCommunes })
        {
            errors["communes"] = [$"Between 1 and {MaxCommunes} communes."];
        }
        else
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < request.Communes.Count; i++)
            {
                ValidateCommune(request.Communes[i], $"communes[{i}].", errors);
                if (request.Communes[i].Code is { } code && !seen.Add(code))
                {
                    errors[$"communes[{i}].code"] = ["This commune is listed twice."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The territory cannot be recorded as given.");
        }

        var name = request.Name!.Trim();
        if (await db.Territories.AnyAsync(t => t.Name == name, ct))
        {
            return TypedResults.Problem(statusCode: 409, title: "A CPTS with this name exists already.", extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        var codes = request.Communes!.Select(c => c.Code!).ToList();
        var taken = await db.Communes.Where(c => codes.Contains(c.Code)).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            return TypedResults.Problem(statusCode: 409, title: $"Commune {taken} already belongs to a CPTS: CPTS territories do not overlap.",
                extensions: new Dictionary<string, object?> { ["field"] = $"communes[{codes.IndexOf(taken)}].code" });
        }

        var cpts = new Cpts { Id = Guid.CreateVersion7(), Name = name, CreatedAt = time.GetUtcNow() };
        cpts.Communes.AddRange(request.Communes!.Select(c => new Commune { Code = c.Code!, Name = c.Name!.Trim(), Population = c.Population!.Value, CptsId = cpts.Id }));
        db.Territories.Add(cpts);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/coordination/territories/{cpts.Id}", ToResponse(cpts));
    }

    internal static async Task<Ok<List<TerritoryResponse>>> ListAsync(CoordinationDbContext db, CancellationToken ct)
    {
        var all = await db.Territories.AsNoTracking().Include(t => t.Communes).OrderBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(all.ConvertAll(ToResponse));
    }

    internal static async Task<Results<Ok<TerritoryResponse>, ProblemHttpResult>> GetAsync(Guid id, CoordinationDbContext db, CancellationToken ct)
    {
        var cpts = await db.Territories.AsNoTracking().Include(t => t.Communes).FirstOrDefaultAsync(t => t.Id == id, ct);
        return cpts is null ? NotFound() : TypedResults.Ok(ToResponse(cpts));
    }

    internal static async Task<Results<Ok<CommuneResponse>, ValidationProblem, ProblemHttpResult>> PutCommuneAsync(
        Guid id, string code, CommuneDetails request, CoordinationDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateCommune(new CommuneInput(code, request.Name, request.Population), "", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The commune cannot be recorded as given.");
        }

        if (!await db.Territories.AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }

        var commune = await db.Communes.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (commune is null)
        {
            commune = new Commune { Code = code, Name = request.Name!.Trim(), Population = request.Population!.Value, CptsId = id };
            db.Communes.Add(commune);
        }
        else if (commune.CptsId != id)
        {
            return TypedResults.Problem(statusCode: 409, title: $"Commune {code} already belongs to another CPTS.", extensions: new Dictionary<string, object?> { ["field"] = "code" });
        }
        else
        {
            commune.Name = request.Name!.Trim();
            commune.Population = request.Population!.Value;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CommuneResponse(commune.Code, commune.Name, commune.Population));
    }

    private static void ValidateCommune(CommuneInput c, string prefix, Dictionary<string, string[]> errors)
    {
        if (InseeCode.Problem(c.Code) is { } communeProblem)
        {
            errors[prefix + "code"] = [communeProblem];
        }

        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200)
        {
            errors[prefix + "name"] = ["Required, at most 200 characters."];
        }

        if (c.Population is not > 0)
        {
            errors[prefix + "population"] = ["Required: a number of inhabitants greater than 0."];
        }
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "No CPTS has this id.");

    private static TerritoryResponse ToResponse(Cpts t) => new(t.Id, t.Name, t.Communes.Sum(c => c.Population),
        t.Communes.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CommuneResponse(c.Code, c.Name, c.Population)).ToList());
}
