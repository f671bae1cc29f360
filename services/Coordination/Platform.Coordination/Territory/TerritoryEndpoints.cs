using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Geography;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Territory;

public static class TerritoryEndpoints
{
    public const int MaxCommunes = 500;

    public static IEndpointRouteBuilder MapTerritories(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/territories").WithTags("Territory");
        group.MapPost("/", CreateAsync).WithName("CreateTerritory")
            .WithSummary("A CPTS and its communes: INSEE codes and/or intercommunalities (SIREN), official names and populations unless given")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        group.MapGet("/", ListAsync).WithName("ListTerritories").WithSummary("Every CPTS with its communes")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTerritory").WithSummary("One CPTS with its communes")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapPut("/{id:guid}/communes/{code}", PutCommuneAsync).WithName("PutCommune")
            .WithSummary("Add a commune to a CPTS (official name and population unless given), or correct its name or population")
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

        var territory = Resolve(request, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The territory cannot be recorded as given.");
        }

        var name = request.Name!.Trim();
        if (await db.Territories.AnyAsync(t => t.Name == name, ct))
        {
            return TypedResults.Problem(statusCode: 409, title: "A CPTS with this name exists already.", extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        var codes = territory.Select(c => c.Commune.Code).ToList();
        var taken = await db.Communes.Where(c => codes.Contains(c.Code)).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            return TypedResults.Problem(statusCode: 409, title: $"Commune {taken} already belongs to a CPTS: CPTS territories do not overlap.",
                extensions: new Dictionary<string, object?> { ["field"] = territory[codes.IndexOf(taken)].Field });
        }

        var cpts = new Cpts { Id = Guid.CreateVersion7(), Name = name, CreatedAt = time.GetUtcNow() };
        cpts.Communes.AddRange(territory.Select(c => new Commune { Code = c.Commune.Code, Name = c.Commune.Name, Population = c.Commune.Population, CptsId = cpts.Id }));
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
        var given = new CommuneInput(code, request.Name, request.Population);
        ValidateCommune(given, "", errors);
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
            var official = Official(given);
            commune = new Commune { Code = code, Name = official.Name, Population = official.Population, CptsId = id };
            db.Communes.Add(commune);
        }
        else if (commune.CptsId != id)
        {
            return TypedResults.Problem(statusCode: 409, title: $"Commune {code} already belongs to another CPTS.", extensions: new Dictionary<string, object?> { ["field"] = "code" });
        }
        else
        {
            var official = Official(given);
            commune.Name = official.Name;
            commune.Population = official.Population;
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

        if (c.Name is not null && (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200))
        {
            errors[prefix + "name"] = ["At most 200 characters, not blank (or left out: the official name)."];
        }

        if (c.Population is <= 0)
        {
            errors[prefix + "population"] = ["A number of inhabitants greater than 0 (or left out: the official population)."];
        }
    }

    /// <summary>A valid commune input with its name and population: as given, or the official geography's.</summary>
    private static CommuneResponse Official(CommuneInput c)
    {
        var official = FranceGeography.Official.Commune(c.Code)!;
        return new CommuneResponse(official.Code, c.Name?.Trim() ?? official.Name, c.Population ?? official.Population);
    }

    /// <summary>
    /// The territory a request declares: its communes, then the member communes of its intercommunalities, each with the
    /// request field it comes from; errors for a code or SIREN the geography does not know, a commune listed twice
    /// (directly or through an EPCI), or too many or too few communes.
    /// </summary>
    private static List<(CommuneResponse Commune, string Field)> Resolve(CreateTerritoryRequest request, Dictionary<string, string[]> errors)
    {
        var territory = new List<(CommuneResponse Commune, string Field)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal); // code → the field that listed it
        var communes = request.Communes ?? [];
        for (var i = 0; i < communes.Count; i++)
        {
            var field = $"communes[{i}]";
            var before = errors.Count;
            ValidateCommune(communes[i], field + ".", errors);
            if (errors.Count > before)
            {
                continue;
            }

            if (!seen.TryAdd(communes[i].Code!, field))
            {
                errors[field + ".code"] = ["This commune is listed twice."];
                continue;
            }

            territory.Add((Official(communes[i]), field + ".code"));
        }

        var epcis = request.Epcis ?? [];
        for (var j = 0; j < epcis.Count; j++)
        {
            var field = $"epcis[{j}]";
            if (FranceGeography.Official.Epci(epcis[j]) is not { } epci)
            {
                errors[field] = [FranceGeography.Official.EpciProblem(epcis[j])!];
                continue;
            }

            foreach (var member in epci.Members)
            {
                if (!seen.TryAdd(member.Code, field))
                {
                    errors[field] = [$"Its commune {member.Code} {member.Name} is listed already ({seen[member.Code]})."];
                    break;
                }

                territory.Add((new CommuneResponse(member.Code, member.Name, member.Population), field));
            }
        }

        if (communes.Count + epcis.Count == 0)
        {
            errors["communes"] = ["Give the territory's communes (INSEE codes), its intercommunalities (epcis: SIRENs), or both."];
        }
        else if (territory.Count > MaxCommunes)
        {
            errors["communes"] = [$"At most {MaxCommunes} communes in all ({territory.Count} given)."];
        }

        return territory;
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "No CPTS has this id.");

    private static TerritoryResponse ToResponse(Cpts t) => new(t.Id, t.Name, t.Communes.Sum(c => c.Population),
        t.Communes.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CommuneResponse(c.Code, c.Name, c.Population)).ToList());
}
