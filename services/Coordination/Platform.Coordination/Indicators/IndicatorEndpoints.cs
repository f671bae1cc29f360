using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Patients;

namespace Platform.Coordination.Indicators;

public sealed record CommuneIndicatorResponse(string CommuneCode, int PatientsWithoutGp, int WaitingListEntries, int Consultations, int GivenAGp,
    DateTimeOffset? UpdatedAt, DateTimeOffset? ReconciledAt);

public sealed record IndicatorPage(IReadOnlyList<CommuneIndicatorResponse> Items, int Page, int PageSize, int Total);

public sealed record ReconciliationResponse(string CommuneCode, int Projected, int Source, bool Corrected);

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/indicators").WithTags("Indicators");
        group.MapGet("/", GetAsync)
            .WithName("GetIndicators")
            .WithSummary("Territorial indicators: one commune (?commune=INSEE) or every commune, paged");
        group.MapPost("/{commune}/reconcile", ReconcileAsync)
            .WithName("ReconcileIndicators")
            .WithSummary("Compare a commune's projection with the Patients service (gRPC) and correct any drift");
        return app;
    }

    internal static async Task<Results<Ok<CommuneIndicatorResponse>, Ok<IndicatorPage>, ValidationProblem>> GetAsync(
        CoordinationDbContext db, CancellationToken ct, string? commune = null, int page = 1, int pageSize = 50)
    {
        if (commune is not null)
        {
            if (!InseeCode.IsValid(commune))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["commune"] = [InseeCode.Rule] });
            }

            var one = await db.CommuneIndicators.AsNoTracking().FirstOrDefaultAsync(c => c.CommuneCode == commune, ct);
            return TypedResults.Ok(one is null ? new CommuneIndicatorResponse(commune, 0, 0, 0, 0, null, null) : ToResponse(one));
        }

        var errors = RequestValidation.PagingErrors(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.CommuneIndicators.CountAsync(ct);
        var items = await db.CommuneIndicators.AsNoTracking().OrderBy(c => c.CommuneCode)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new IndicatorPage(items.ConvertAll(ToResponse), page, pageSize, total));
    }

    internal static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem, ProblemHttpResult>> ReconcileAsync(
        string commune, CoordinationDbContext db, PatientStatistics.PatientStatisticsClient patients, TimeProvider time, CancellationToken ct)
    {
        if (!InseeCode.IsValid(commune))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["commune"] = [InseeCode.Rule] });
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

        var indicator = await db.CommuneIndicators.FirstOrDefaultAsync(c => c.CommuneCode == commune, ct);
        if (indicator is null)
        {
            indicator = new CommuneIndicator { CommuneCode = commune };
            db.CommuneIndicators.Add(indicator);
        }

        var projected = indicator.PatientsWithoutGp;
        var now = time.GetUtcNow();
        indicator.ReconciledAt = now;
        if (projected != source.PatientsWithoutGp)
        {
            indicator.PatientsWithoutGp = source.PatientsWithoutGp;
            indicator.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReconciliationResponse(commune, projected, source.PatientsWithoutGp, projected != source.PatientsWithoutGp));
    }

    private static CommuneIndicatorResponse ToResponse(CommuneIndicator c) =>
        new(c.CommuneCode, c.PatientsWithoutGp, c.WaitingListEntries, c.Consultations, c.GivenAGp, c.UpdatedAt, c.ReconciledAt);
}
