using System.Globalization;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Patients;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Indicators;

public static class IndicatorEndpoints
{
    public const int MaxHistoryWeeks = 156;

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/indicators").WithTags("Indicators");
        group.MapGet("/", GetAsync)
            .WithName("GetIndicators")
            .WithSummary("Territorial indicators: one commune (?commune=INSEE) or every commune, paged")
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // Two shapes on one route: say so (oneOf), so a generated client reads both.
                await context.GetOrCreateSchemaAsync(typeof(IndicatorPage), null, ct);
                await context.GetOrCreateSchemaAsync(typeof(CommuneIndicatorResponse), null, ct);
                var page = new Microsoft.OpenApi.OpenApiSchemaReference(nameof(IndicatorPage), context.Document);
                var one = new Microsoft.OpenApi.OpenApiSchemaReference(nameof(CommuneIndicatorResponse), context.Document);
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var json) == true)
                {
                    json.Schema = new Microsoft.OpenApi.OpenApiSchema
                    {
                        OneOf = [page, one],
                        Description = "With ?commune=: that commune's indicators; without: a page of communes.",
                    };
                }
            })
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/history", HistoryAsync)
            .WithName("IndicatorHistory")
            .WithSummary("Week by week (Mondays, UTC) for a commune (?commune=) or a CPTS (?territory=): ?weeks=12&to=YYYY-MM-DD")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/history.csv", HistoryCsvAsync)
            .WithName("IndicatorHistoryCsv")
            .WithSummary("The same history as CSV (semicolon-separated, for a spreadsheet)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapPost("/{commune}/reconcile", ReconcileAsync)
            .WithName("ReconcileIndicators")
            .WithSummary("Compare a commune's projection with the Patients service (gRPC) and correct any drift")
            .RequireAuthorization(PlatformPolicies.CoordinationWrite);
        app.MapGet("/api/coordination/territories/{id:guid}/indicators", TerritoryAsync).WithTags("Indicators")
            .WithName("TerritoryIndicators")
            .WithSummary("A CPTS's communes with their figures, the totals, and communes outside it that events mention")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        app.MapGet("/api/coordination/coverage-gaps", GapsAsync).WithTags("Indicators")
            .WithName("CoverageGaps")
            .WithSummary("Site-weeks Missions announced uncovered (?open=true: still open; ?territory= a CPTS's communes)")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        return app;
    }

    internal static async Task<Results<Ok<CommuneIndicatorResponse>, Ok<IndicatorPage>, ValidationProblem, ProblemHttpResult>> GetAsync(
        CoordinationDbContext db, HttpContext http, TimeProvider time, CancellationToken ct, [InseeCommune] string? commune = null, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var allowed = AggregateScope.CommunesOf(http.User);
        if (commune is not null)
        {
            return allowed is not null && !allowed.Contains(commune)
                ? AggregateScope.Outside("commune")
                : TypedResults.Ok((await IndicatorQueries.LoadAsync(db, [commune], time, ct))[0]);
        }

        var visible = db.CommuneIndicators.AsNoTracking();
        if (allowed is not null)
        {
            var codesAllowed = allowed.ToArray();
            visible = visible.Where(c => codesAllowed.Contains(c.CommuneCode));
        }

        var total = await visible.CountAsync(ct);
        var codes = await visible.OrderBy(c => c.CommuneCode).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => c.CommuneCode).ToListAsync(ct);
        return TypedResults.Ok(new IndicatorPage(await IndicatorQueries.LoadAsync(db, codes, time, ct), page, pageSize, total));
    }

    internal static async Task<Results<Ok<TerritoryIndicators>, ProblemHttpResult>> TerritoryAsync(Guid id, CoordinationDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var cpts = await db.Territories.AsNoTracking().Include(t => t.Communes).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (cpts is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No CPTS has this id.");
        }

        if (AggregateScope.CommunesOf(http.User) is { } allowed && !cpts.Communes.All(c => allowed.Contains(c.Code)))
        {
            return AggregateScope.Outside("id");
        }

        var codes = cpts.Communes.Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        var communes = await IndicatorQueries.LoadAsync(db, codes, time, ct);
        var outsideCodes = await db.CommuneIndicators.AsNoTracking()
            .Where(i => !db.Communes.Any(c => c.Code == i.CommuneCode)).OrderBy(i => i.CommuneCode).Select(i => i.CommuneCode).Take(100).ToListAsync(ct);
        var outside = await IndicatorQueries.LoadAsync(db, outsideCodes, time, ct);
        return TypedResults.Ok(new TerritoryIndicators(cpts.Id, cpts.Name, cpts.Communes.Sum(c => c.Population),
            IndicatorQueries.Total(cpts.Name, communes, await IndicatorQueries.VolunteersAsync(db, codes, ct)), communes, outside));
    }

    internal static async Task<Results<Ok<List<WeekIndicators>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        CoordinationDbContext db, HttpContext http, TimeProvider time, CancellationToken ct, [InseeCommune] string? commune = null, Guid? territory = null, int weeks = 12, DateOnly? to = null)
    {
        if (await OutsideScopeAsync(db, http, commune, territory, ct) is { } outside)
        {
            return outside;
        }

        var (history, problem) = await IndicatorQueries.HistoryAsync(db, time, commune, territory, weeks, to, ct);
        return problem switch
        {
            ValidationProblem invalid => invalid,
            ProblemHttpResult notFound => notFound,
            _ => TypedResults.Ok(history!),
        };
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HistoryCsvAsync(
        CoordinationDbContext db, HttpContext http, TimeProvider time, CancellationToken ct, [InseeCommune] string? commune = null, Guid? territory = null, int weeks = 12, DateOnly? to = null)
    {
        if (await OutsideScopeAsync(db, http, commune, territory, ct) is { } outside)
        {
            return outside;
        }

        var (history, problem) = await IndicatorQueries.HistoryAsync(db, time, commune, territory, weeks, to, ct);
        if (problem is not null)
        {
            return problem switch { ValidationProblem invalid => invalid, _ => (ProblemHttpResult)problem };
        }

        var csv = new StringBuilder("week_start;patients_without_gp;waiting_list_entries;registered;given_a_gp;consultations;orientations;missions_completed;days_worked;volunteers_mobilised;site_weeks_covered;site_weeks_uncovered\n");
        foreach (var w in history!)
        {
            csv.AppendJoin(';', w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.PatientsWithoutGp, w.WaitingListEntries, w.Registered, w.GivenAGp,
                w.Consultations, w.Orientations, w.MissionsCompleted, w.DaysWorked, w.VolunteersMobilised, w.SiteWeeksCovered, w.SiteWeeksUncovered).Append('\n');
        }

        var name = $"indicators-{commune ?? territory?.ToString()}-{history[^1].WeekStart:yyyy-MM-dd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>A 403 when the commune, or a commune of the territory, is outside a funder's or analyst's scope.</summary>
    private static async Task<ProblemHttpResult?> OutsideScopeAsync(CoordinationDbContext db, HttpContext http, string? commune, Guid? territory, CancellationToken ct)
    {
        if (AggregateScope.CommunesOf(http.User) is not { } allowed)
        {
            return null;
        }

        if (commune is not null && !allowed.Contains(commune))
        {
            return AggregateScope.Outside("commune");
        }

        if (territory is not null && (await db.Communes.Where(c => c.CptsId == territory).Select(c => c.Code).ToListAsync(ct)).Any(c => !allowed.Contains(c)))
        {
            return AggregateScope.Outside("territory");
        }

        return null;
    }

    internal static async Task<Results<Ok<List<CoverageGapResponse>>, ProblemHttpResult>> GapsAsync(CoordinationDbContext db, HttpContext http, CancellationToken ct,
        Guid? territory = null, bool open = false)
    {
        List<string>? codes = null;
        if (territory is not null)
        {
            codes = await db.Communes.Where(c => c.CptsId == territory).Select(c => c.Code).ToListAsync(ct);
            if (codes.Count == 0)
            {
                return TypedResults.Problem(statusCode: 404, title: "No CPTS has this id.");
            }
        }

        var gaps = await db.CoverageGaps.AsNoTracking()
            .Where(g => (codes == null || codes.Contains(g.CommuneCode)) && (!open || g.FilledAt == null))
            .OrderBy(g => g.WeekStart).ThenBy(g => g.SiteName).Take(500)
            .Select(g => new CoverageGapResponse(g.SiteId, g.SiteName, g.CommuneCode, g.WeekStart, g.Lines, g.DetectedAt, g.FilledAt)).ToListAsync(ct);
        return TypedResults.Ok(AggregateScope.CommunesOf(http.User) is { } allowed ? gaps.FindAll(g => allowed.Contains(g.CommuneCode)) : gaps);
    }

    internal static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem, ProblemHttpResult>> ReconcileAsync(
        string commune, CoordinationDbContext db, PatientStatistics.PatientStatisticsClient patients, TimeProvider time, CancellationToken ct)
    {
        if (InseeCode.Problem(commune) is { } communeProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["commune"] = [communeProblem] });
        }

        CommuneCountReply source;
        try
        {
            source = await patients.GetCommuneCountAsync(new CommuneCountRequest { CommuneCode = commune }, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return TypedResults.Problem(statusCode: 503, title: "The Patients service cannot be reached.", detail: ex.Status.Detail);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var projected = await db.CommuneIndicators.Where(c => c.CommuneCode == commune).Select(c => (int?)c.PatientsWithoutGp).FirstOrDefaultAsync(ct) ?? 0;
        var correction = source.PatientsWithoutGp - projected;
        // The correction is a delta like any event's, dated today, so the week-by-week history stays consistent.
        await db.CountAsync(commune, CommuneCounts.Day(time.GetUtcNow()), [("patients_without_gp", correction)], null, ct);
        await db.CommuneIndicators.Where(c => c.CommuneCode == commune)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReconciledAt, time.GetUtcNow()), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new ReconciliationResponse(commune, projected, source.PatientsWithoutGp, correction != 0));
    }
}
