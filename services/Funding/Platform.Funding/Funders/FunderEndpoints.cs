using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Funders;

public static class FunderEndpoints
{
    public static IEndpointRouteBuilder MapFunders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/funders").WithTags("Funders");
        group.MapPost("/", CreateAsync).WithName("CreateFunder").WithSummary("Declare a funder")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        group.MapGet("/", ListAsync).WithName("ListFunders").WithSummary("List funders by name")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        return app;
    }

    internal static async Task<Results<Created<FunderResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateFunderRequest request, FundingDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        if (request.Kind is null)
        {
            errors["kind"] = RequestValidation.RequiredOneOf<FunderKind>();
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The funder cannot be created as given.");
        }

        var funder = new Funder { Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), Kind = request.Kind!.Value };
        db.Funders.Add(funder);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.Funders.Where(f => f.Name == funder.Name).Select(f => f.Id).SingleAsync(ct);
            return TypedResults.Problem(statusCode: 409, title: "A funder with this name already exists.",
                extensions: new Dictionary<string, object?> { ["existingId"] = existing });
        }

        return TypedResults.Created($"/api/funding/funders/{funder.Id}", FunderResponse.From(funder));
    }

    internal static async Task<Ok<List<FunderResponse>>> ListAsync(FundingDbContext db, CancellationToken ct)
    {
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        return TypedResults.Ok(funders.ConvertAll(FunderResponse.From));
    }
}
