using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grpc.Missions;
using Platform.Funding.Funders;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Grants;

public static class GrantEndpoints
{
    /// <summary>EU LEADER funds may cover at most 40 % of a project's budget.</summary>
    public const decimal LeaderCap = 0.40m;

    public static IEndpointRouteBuilder MapGrants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/grants").WithTags("Grants");
        group.MapPost("/", CreateAsync).WithName("CreateGrant").WithSummary("Record a grant (amount in EUR, one-off or yearly)")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        group.MapGet("/", ListAsync).WithName("ListGrants").WithSummary("Grants, optionally for one site (?siteId=) or one year (?year=)")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        return app;
    }

    public static Dictionary<string, string[]> Validate(CreateGrantRequest r, FunderKind? funderKind)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new Dictionary<string, string[]>();
        if (r.FunderId is null)
        {
            errors["funderId"] = ["Required."];
        }
        else if (funderKind is null)
        {
            errors["funderId"] = ["No funder has this id."];
        }

        if (Money.Check(r.Amount) is { } amountError)
        {
            errors["amount"] = [amountError];
        }

        if (r.Currency is not (null or Money.Currency))
        {
            errors["currency"] = ["Amounts are in EUR."];
        }

        if (r.Periodicity is null)
        {
            errors["periodicity"] = ["Required: OneOff or Yearly."];
        }

        if (r.StartYear is not (>= 2000 and <= 2100))
        {
            errors["startYear"] = ["A year between 2000 and 2100."];
        }

        if (r.EndYear is { } end)
        {
            if (r.Periodicity == GrantPeriodicity.OneOff)
            {
                errors["endYear"] = ["A one-off grant has no end year."];
            }
            else if (r.StartYear is { } start && end < start)
            {
                errors["endYear"] = ["The end year cannot be before the start year."];
            }
        }

        if (r.Purpose is null)
        {
            errors["purpose"] = RequestValidation.RequiredOneOf<GrantPurpose>();
        }

        if (r.SiteId is null && string.IsNullOrWhiteSpace(r.Beneficiary))
        {
            errors["beneficiary"] = ["Give a siteId, or the name of the carrying structure."];
        }
        else if (r.Beneficiary is { Length: > 200 })
        {
            errors["beneficiary"] = ["At most 200 characters."];
        }

        if (r.ProjectBudget is { } budget && Money.Check(budget) is { } budgetError)
        {
            errors["projectBudget"] = [budgetError];
        }

        if (funderKind == FunderKind.EuLeader && !errors.ContainsKey("amount"))
        {
            if (r.ProjectBudget is null)
            {
                errors["projectBudget"] = ["Required for EU LEADER funds (capped at 40 % of the project's budget)."];
            }
            else if (r.Amount > Money.Round(r.ProjectBudget.Value * LeaderCap))
            {
                errors["amount"] = [$"EU LEADER may cover at most 40 % of the project's budget: {Money.Round(r.ProjectBudget.Value * LeaderCap):0.00} EUR here."];
            }
        }

        return errors;
    }

    internal static async Task<Results<Created<GrantResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateGrantRequest request, FundingDbContext db, SiteDirectory.SiteDirectoryClient sites, TimeProvider time, CancellationToken ct)
    {
        var funder = request.FunderId is { } fid ? await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fid, ct) : null;
        var errors = Validate(request, funder?.Kind);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The grant cannot be recorded as given.");
        }

        var beneficiary = request.Beneficiary?.Trim();
        string? siteCommune = null;
        if (request.SiteId is { } siteId)
        {
            var (site, unavailable) = await Budgets.Sites.FindAsync(sites, siteId, ct);
            if (unavailable is not null)
            {
                return unavailable;
            }

            if (site is null)
            {
                return Budgets.Sites.Unknown();
            }

            beneficiary ??= site.Name;
            siteCommune = site.CommuneCode;
        }

        var grant = new Grant
        {
            Id = Guid.CreateVersion7(),
            FunderId = funder!.Id,
            Amount = request.Amount!.Value,
            Periodicity = request.Periodicity!.Value,
            StartYear = request.StartYear!.Value,
            EndYear = request.EndYear,
            Purpose = request.Purpose!.Value,
            SiteId = request.SiteId,
            Beneficiary = beneficiary!,
            ProjectBudget = request.ProjectBudget,
            Status = request.Status ?? GrantStatus.Pledged,
            CreatedAt = time.GetUtcNow(),
        };
        db.Grants.Add(grant);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (siteCommune is not null)
            {
                // A grant may cover a shortfall already announced: say so in the same transaction.
                var years = await db.ShortfallAlerts.Where(a => a.SiteId == grant.SiteId).Select(a => a.Year).ToListAsync(ct);
                foreach (var year in years)
                {
                    var budget = await Budgets.SiteBudgets.ComputeAsync(db, grant.SiteId!.Value, year, ct);
                    await Budgets.SiteBudgets.AnnounceShortfallAsync(db, budget, siteCommune, time, ct);
                }
            }

            await tx.CommitAsync(ct);
        }

        return TypedResults.Created($"/api/funding/grants/{grant.Id}", ToResponse(grant, funder.Name));
    }

    internal static async Task<Ok<List<GrantResponse>>> ListAsync(FundingDbContext db, CancellationToken ct, Guid? siteId = null, int? year = null)
    {
        var query = from g in db.Grants.AsNoTracking()
                    join f in db.Funders on g.FunderId equals f.Id
                    where (siteId == null || g.SiteId == siteId)
                          && (year == null || (g.Periodicity == GrantPeriodicity.OneOff ? g.StartYear == year : g.StartYear <= year && (g.EndYear == null || g.EndYear >= year)))
                    orderby g.StartYear, f.Name
                    select new { g, f.Name };
        var rows = await query.ToListAsync(ct);
        return TypedResults.Ok(rows.ConvertAll(r => ToResponse(r.g, r.Name)));
    }

    internal static GrantResponse ToResponse(Grant g, string funderName) => new(g.Id, g.FunderId, funderName, g.Amount, Money.Currency, g.Periodicity,
        g.StartYear, g.EndYear, g.Purpose, g.SiteId, g.Beneficiary, g.ProjectBudget, g.Status);
}
