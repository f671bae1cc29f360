using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Indemnities;

public static class IndemnityEndpoints
{
    public static IEndpointRouteBuilder MapIndemnities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding").WithTags("Indemnities");
        group.MapGet("/indemnities", ListAsync).WithName("ListIndemnities").WithSummary("The indemnity ledger, optionally for one practitioner (?rpps=)")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        group.MapPost("/indemnities/{id:long}/reverse", ReverseAsync).WithName("ReverseIndemnity").WithSummary("Correct a line by a reversing line")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        group.MapPost("/payouts", PayAsync).WithName("CreatePayout").WithSummary("Pay every unpaid line due in a period, grouped per practitioner; publishes IndemnityPaid")
            .RequireAuthorization(PlatformPolicies.FundingWrite);
        group.MapGet("/payouts/{id:guid}.csv", CsvAsync).WithName("PayoutCsv").WithSummary("The payout as a CSV for the treasurer")
            .RequireAuthorization(PlatformPolicies.FundingRead);
        return app;
    }

    internal static async Task<Results<Ok<List<IndemnityLineResponse>>, ValidationProblem>> ListAsync(FundingDbContext db, CancellationToken ct, [RppsNumber] string? rpps = null)
    {
        var lines = await (from l in db.IndemnityLines.AsNoTracking()
                           where rpps == null || l.PractitionerRpps == rpps
                           join p in db.PayoutItems on l.Id equals p.LineId into paid
                           from p in paid.DefaultIfEmpty()
                           orderby l.Id
                           select new IndemnityLineResponse(l.Id, l.MissionId, l.PractitionerRpps, l.SiteId, l.DueOn, l.Amount, l.Description, l.ReversesLineId, p == null ? null : p.BatchId))
            .ToListAsync(ct);
        return TypedResults.Ok(lines);
    }

    internal static async Task<Results<Created<IndemnityLineResponse>, ValidationProblem, ProblemHttpResult>> ReverseAsync(
        long id, ReverseRequest request, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 300)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Required, at most 300 characters."] });
        }

        var line = await db.IndemnityLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No indemnity line has this id.");
        }

        if (line.ReversesLineId is not null || await db.IndemnityLines.AnyAsync(l => l.ReversesLineId == id, ct))
        {
            return TypedResults.Problem(statusCode: 409, title: "This line is a reversal, or is already reversed.");
        }

        var reversal = new IndemnityLine
        {
            MissionId = line.MissionId,
            PractitionerRpps = line.PractitionerRpps,
            SiteId = line.SiteId,
            DueOn = line.DueOn,
            Amount = -line.Amount,
            Description = $"Reversal of line {line.Id}: {request.Reason.Trim()}",
            ReversesLineId = line.Id,
            RecordedAt = time.GetUtcNow(),
        };
        db.IndemnityLines.Add(reversal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/funding/indemnities?rpps={line.PractitionerRpps}",
            new IndemnityLineResponse(reversal.Id, reversal.MissionId, reversal.PractitionerRpps, reversal.SiteId, reversal.DueOn, reversal.Amount, reversal.Description, reversal.ReversesLineId, null));
    }

    internal static async Task<Results<Created<PayoutResponse>, ValidationProblem, ProblemHttpResult>> PayAsync(
        PayoutRequest request, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PeriodStart is null)
        {
            errors["periodStart"] = ["Required (YYYY-MM-DD)."];
        }

        if (request.PeriodEnd is null)
        {
            errors["periodEnd"] = ["Required (YYYY-MM-DD)."];
        }
        else if (request.PeriodStart is { } s && request.PeriodEnd < s)
        {
            errors["periodEnd"] = ["The period ends before it starts."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (start, end) = (request.PeriodStart!.Value, request.PeriodEnd!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var unpaid = await db.IndemnityLines
            .Where(l => l.DueOn >= start && l.DueOn <= end && !db.PayoutItems.Any(p => p.LineId == l.Id))
            .ToListAsync(ct);
        if (unpaid.Count == 0)
        {
            return TypedResults.Problem(statusCode: 409, title: "Nothing unpaid is due in this period.");
        }

        var now = time.GetUtcNow();
        var batch = new PayoutBatch { Id = Guid.CreateVersion7(), PeriodStart = start, PeriodEnd = end, Total = unpaid.Sum(l => l.Amount), Lines = unpaid.Count, CreatedAt = now };
        db.PayoutBatches.Add(batch);
        db.PayoutItems.AddRange(unpaid.Select(l => new PayoutItem { BatchId = batch.Id, LineId = l.Id }));
        var perPractitioner = unpaid.GroupBy(l => l.PractitionerRpps, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PractitionerPayout(g.Key, g.Count(), g.Sum(l => l.Amount))).ToList();
        foreach (var p in perPractitioner)
        {
            db.AddIntegrationEvent(new IndemnityPaid(batch.Id, p.PractitionerRpps, p.Amount, p.Lines, start, end, now));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/funding/payouts/{batch.Id}.csv", new PayoutResponse(batch.Id, start, end, batch.Total, perPractitioner));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid id, FundingDbContext db, CancellationToken ct)
    {
        var batch = await db.PayoutBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No payout has this id.");
        }

        var rows = await (from p in db.PayoutItems
                          join l in db.IndemnityLines on p.LineId equals l.Id
                          where p.BatchId == id
                          group l by l.PractitionerRpps into g
                          orderby g.Key
                          select new { Rpps = g.Key, Lines = g.Count(), Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var csv = new StringBuilder("rpps;lines;amount_eur;period_start;period_end;batch\n");
        foreach (var r in rows)
        {
            csv.Append(r.Rpps).Append(';').Append(r.Lines.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(r.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(';')
                .Append(batch.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
                .Append(batch.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';').Append(batch.Id).Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"payout-{batch.PeriodStart:yyyy-MM-dd}-{batch.PeriodEnd:yyyy-MM-dd}.csv");
    }
}
