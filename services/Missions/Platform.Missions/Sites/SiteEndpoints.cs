using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.Sites;

public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSites(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missions/sites").WithTags("Sites");
        group.MapPost("/", CreateAsync).WithName("CreateSite").WithSummary("Declare a site that hosts volunteer practitioners")
            .RequireAuthorization(PlatformPolicies.MissionsWrite);
        group.MapGet("/", ListAsync).WithName("ListSites").WithSummary("List sites, optionally in one commune (?commune=INSEE)")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSite").WithSummary("One site: its kind, commune and capacity")
            .RequireAuthorization(PlatformPolicies.MissionsRead);
        return app;
    }

    internal static async Task<Results<Created<SiteResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateSiteRequest request, MissionsDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        if (request.Kind is null)
        {
            errors["kind"] = RequestValidation.RequiredOneOf<SiteKind>();
        }

        if (InseeCode.Problem(request.CommuneCode) is { } communeProblem)
        {
            errors["communeCode"] = [communeProblem];
        }

        if (request.LinesPerWeek is not (null or 1 or 2))
        {
            errors["linesPerWeek"] = ["1, or 2 for a site with a second line."];
        }

        if (request.Finess is not null && !(request.Finess.Length == 9 && (request.Finess.All(char.IsAsciiDigit)
                || (request.Finess[..2] is "2A" or "2B" && request.Finess[2..].All(char.IsAsciiDigit)))))
        {
            errors["finess"] = ["A FINESS number has 9 characters: digits (2A/2B first for Corsica)."];
        }

        if (request.ConsultationsPerDay is not (null or (>= 1 and <= 200)))
        {
            errors["consultationsPerDay"] = ["Between 1 and 200."];
        }

        if (request.OpeningHours is { Length: > 200 })
        {
            errors["openingHours"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The site cannot be created as given.");
        }

        var site = new Site
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Kind = request.Kind!.Value,
            CommuneCode = request.CommuneCode!,
            LinesPerWeek = request.LinesPerWeek ?? 1,
            Finess = request.Finess,
            ConsultationsPerDay = request.ConsultationsPerDay,
            OpeningHours = request.OpeningHours?.Trim(),
        };
        db.Sites.Add(site);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.Sites.Where(s => s.CommuneCode == site.CommuneCode && s.Name == site.Name).Select(s => s.Id).SingleAsync(ct);
            return TypedResults.Problem(statusCode: 409, title: "A site with this name already exists in this commune.",
                extensions: new Dictionary<string, object?> { ["existingId"] = existing });
        }

        return TypedResults.Created($"/api/missions/sites/{site.Id}", SiteResponse.From(site));
    }

    internal static async Task<Results<Ok<List<SiteResponse>>, ValidationProblem>> ListAsync(MissionsDbContext db, CancellationToken ct, [InseeCommune] string? commune = null)
    {
        var sites = await db.Sites.AsNoTracking()
            .Where(s => commune == null || s.CommuneCode == commune)
            .OrderBy(s => s.CommuneCode).ThenBy(s => s.Name)
            .ToListAsync(ct);
        return TypedResults.Ok(sites.ConvertAll(SiteResponse.From));
    }

    internal static async Task<Results<Ok<SiteResponse>, ProblemHttpResult>> GetAsync(Guid id, MissionsDbContext db, CancellationToken ct) =>
        await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } site
            ? TypedResults.Ok(SiteResponse.From(site))
            : TypedResults.Problem(statusCode: 404, title: "No site has this id.");
}
