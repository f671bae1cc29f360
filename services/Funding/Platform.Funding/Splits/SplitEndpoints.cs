using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Funding.Funders;
using Platform.Funding.Grants;
using Platform.Geography;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Splits;

public static class SplitEndpoints
{
    public const string Rule = "Largest remainder: whole cents of each exact quota, then one cent each to the largest remainders; ties to the larger population, then the smaller INSEE code.";

    public static IEndpointRouteBuilder MapSplits(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/splits", SplitAsync)
            .WithTags("Co-funding splits")
            .WithName("SplitByPopulation")
            .WithSummary("Split an amount between communes by population (official unless given), to the cent (parts add up exactly); optionally save it as yearly grants")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        return app;
    }

    internal static async Task<Results<Ok<SplitResponse>, ValidationProblem>> SplitAsync(SplitRequest request, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = PopulationSplit.Validate(request.Total, request.Communes);
        if (request.SaveAsYearlyGrants is { } save)
        {
            var probe = new CreateGrantRequest(Guid.Empty, request.Total ?? 1m, null, GrantPeriodicity.Yearly, save.StartYear, save.EndYear, save.Purpose,
                save.SiteId, save.Beneficiary, null, null);
            foreach (var (field, messages) in GrantEndpoints.Validate(probe, FunderKind.Commune).Where(e => e.Key is not ("funderId" or "amount")))
            {
                errors[$"saveAsYearlyGrants.{field}"] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The amount cannot be split as given.");
        }

        var communes = PopulationSplit.Resolve(request.Communes!);
        var shares = PopulationSplit.Split(request.Total!.Value, communes);
        var grantIds = new List<Guid>();
        if (request.SaveAsYearlyGrants is { } s)
        {
            var now = time.GetUtcNow();
            foreach (var share in shares)
            {
                var name = $"Commune {share.Name}";
                var funder = await db.Funders.FirstOrDefaultAsync(f => f.Name == name, ct);
                if (funder is null)
                {
                    funder = new Funder { Id = Guid.CreateVersion7(), Name = name, Kind = FunderKind.Commune };
                    db.Funders.Add(funder);
                }

                var grant = new Grant
                {
                    Id = Guid.CreateVersion7(),
                    FunderId = funder.Id,
                    Amount = share.Amount,
                    Periodicity = GrantPeriodicity.Yearly,
                    StartYear = s.StartYear!.Value,
                    EndYear = s.EndYear,
                    Purpose = s.Purpose!.Value,
                    SiteId = s.SiteId,
                    Beneficiary = s.Beneficiary?.Trim() ?? "(site)",
                    Status = GrantStatus.Voted,
                    CreatedAt = now,
                };
                db.Grants.Add(grant);
                grantIds.Add(grant.Id);
            }

            await db.SaveChangesAsync(ct); // all the grants, or none
        }

        return TypedResults.Ok(new SplitResponse(request.Total!.Value, Money.Currency, Rule, shares, grantIds,
            communes.Any(c => c.Source == PopulationSource.Official) ? FranceGeography.Vintage : null));
    }
}
