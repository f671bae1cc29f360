using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Contracts.Grpc.Missions;
using Platform.Funding.Grants;
using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Budgets;

public static class SiteBudgets
{
    public static IEndpointRouteBuilder MapSiteBudgets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding").WithTags("Site budgets");
        group.MapPost("/sites/{siteId:guid}/costs", RecordCostAsync).WithName("RecordSiteCost").WithSummary("Record a site's cost for a year")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        group.MapGet("/sites/{siteId:guid}/budget", GetAsync).WithName("GetSiteBudget").WithSummary("Costs (with indemnities) against funding, coverage ratio and shortfall")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        group.MapGet("/network/break-even", BreakEvenAsync).WithName("NetworkBreakEven").WithSummary("How many centres before the network breaks even")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        return app;
    }

    /// <summary>Costs of a site-year by category, with the indemnities due in that year, and the grants active that year.</summary>
    public static async Task<SiteBudget> ComputeAsync(FundingDbContext db, Guid siteId, int year, CancellationToken ct)
    {
        var costs = await db.SiteCosts.AsNoTracking().Where(c => c.SiteId == siteId && c.Year == year)
            .GroupBy(c => c.Category).Select(g => new { g.Key, Sum = g.Sum(c => c.Amount) }).ToListAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var indemnities = await db.IndemnityLines.Where(l => l.SiteId == siteId && l.DueOn >= from && l.DueOn <= to).SumAsync(l => l.Amount, ct);
        var funding = await db.Grants.Where(g => g.SiteId == siteId
                && (g.Periodicity == GrantPeriodicity.OneOff ? g.StartYear == year : g.StartYear <= year && (g.EndYear == null || g.EndYear >= year)))
            .SumAsync(g => g.Amount, ct);
        var byCategory = costs.ToDictionary(c => c.Key.ToString(), c => c.Sum);
        byCategory["Indemnities"] = indemnities;
        var total = byCategory.Values.Sum();
        return new SiteBudget(siteId, year, byCategory, total, funding,
            total == 0 ? null : Math.Round(funding / total, 4, MidpointRounding.AwayFromZero), Math.Max(0, total - funding));
    }

    internal static async Task<Results<Created<SiteBudget>, ValidationProblem, ProblemHttpResult>> RecordCostAsync(
        Guid siteId, RecordCostRequest request, FundingDbContext db, SiteDirectory.SiteDirectoryClient sites, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = ["A year between 2000 and 2100."];
        }

        if (request.Category is null)
        {
            errors["category"] = RequestValidation.RequiredOneOf<CostCategory>();
        }

        if (Money.Check(request.Amount) is { } amountError)
        {
            errors["amount"] = [amountError];
        }

        if (request.Description is { Length: > 300 })
        {
            errors["description"] = ["At most 300 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The cost cannot be recorded as given.");
        }

        var (site, unavailable) = await Sites.FindAsync(sites, siteId, ct);
        if (unavailable is not null)
        {
            return unavailable;
        }

        if (site is null)
        {
            return Sites.Unknown();
        }

        db.SiteCosts.Add(new SiteCost { Id = Guid.CreateVersion7(), SiteId = siteId, Year = request.Year!.Value, Category = request.Category!.Value, Amount = request.Amount!.Value, Description = request.Description });
        await db.SaveChangesAsync(ct);
        var budget = await ComputeAsync(db, siteId, request.Year.Value, ct);
        await AnnounceShortfallAsync(db, budget, site.CommuneCode, time, ct);
        return TypedResults.Created($"/api/funding/sites/{siteId}/budget?year={request.Year}", budget);
    }

    /// <summary>
    /// Publishes BudgetShortfallDetected when a site-year is under-funded by an amount not announced yet, or covered
    /// again (shortfall 0) after an announced shortfall.
    /// </summary>
    internal static async Task AnnounceShortfallAsync(FundingDbContext db, SiteBudget budget, string communeCode, TimeProvider time, CancellationToken ct)
    {
        var alert = await db.ShortfallAlerts.FirstOrDefaultAsync(a => a.SiteId == budget.SiteId && a.Year == budget.Year, ct);
        if ((alert?.Shortfall ?? 0) == budget.Shortfall)
        {
            return;
        }

        if (alert is null)
        {
            db.ShortfallAlerts.Add(new ShortfallAlert { SiteId = budget.SiteId, Year = budget.Year, Shortfall = budget.Shortfall });
        }
        else
        {
            alert.Shortfall = budget.Shortfall;
        }

        db.AddIntegrationEvent(new BudgetShortfallDetected(budget.SiteId, budget.Year, budget.TotalCosts, budget.Funding, budget.Shortfall, time.GetUtcNow(), communeCode));
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<Results<Ok<SiteBudget>, ValidationProblem>> GetAsync(Guid siteId, int? year, FundingDbContext db, CancellationToken ct)
    {
        if (year is not (>= 2000 and <= 2100))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Required: a year between 2000 and 2100."] });
        }

        return TypedResults.Ok(await ComputeAsync(db, siteId, year.Value, ct));
    }

    /// <summary>
    /// Model: the network (the carrying association) has fixed yearly costs (coordination, recruitment, insurance);
    /// each centre brings a yearly margin = its revenue (billed acts, local funding) − its own costs. The network breaks
    /// even at ⌈fixed costs ÷ margin per centre⌉ centres. Defaults: 420,000 EUR of fixed costs and 20,000 EUR of margin
    /// per centre, which gives the ~21 centres an association reported (DOMAIN.md).
    /// </summary>
    internal static Task<Results<Ok<BreakEven>, ValidationProblem>> BreakEvenAsync(decimal networkFixedCosts = 420_000m, decimal centreRevenue = 180_000m, decimal centreCosts = 160_000m)
    {
        var margin = centreRevenue - centreCosts;
        if (networkFixedCosts < 0 || margin <= 0)
        {
            return Task.FromResult<Results<Ok<BreakEven>, ValidationProblem>>(TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [margin <= 0 ? "centreRevenue" : "networkFixedCosts"] = [margin <= 0 ? "Each centre must bring more than it costs, or the network never breaks even." : "Cannot be negative."],
            }));
        }

        var centres = (int)Math.Ceiling(networkFixedCosts / margin);
        return Task.FromResult<Results<Ok<BreakEven>, ValidationProblem>>(TypedResults.Ok(new BreakEven(centres, networkFixedCosts, margin,
            "centres = ceiling(network fixed costs / (centre revenue − centre costs)), per year")));
    }
}
