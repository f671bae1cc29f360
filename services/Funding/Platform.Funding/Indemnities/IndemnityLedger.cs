using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Funding.Indemnities;

/// <summary>
/// One line of the append-only indemnity ledger. A correction is a new line with the opposite amount that names the
/// line it reverses; no line is ever updated or deleted.
/// </summary>
public sealed class IndemnityLine
{
    public long Id { get; init; }

    public Guid? MissionId { get; init; }

    public required string PractitionerRpps { get; init; }

    public Guid SiteId { get; init; }

    /// <summary>Day the indemnity is due (the mission's last day): payout periods select on it.</summary>
    public DateOnly DueOn { get; init; }

    public decimal Amount { get; init; }

    public required string Description { get; init; }

    public long? ReversesLineId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Which lines a payout batch paid (a line is paid once: unique line id).</summary>
public sealed class PayoutItem
{
    public Guid BatchId { get; init; }

    public long LineId { get; init; }
}

public sealed class PayoutBatch
{
    public Guid Id { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public decimal Total { get; init; }

    public int Lines { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The indemnity rules (DOMAIN.md): what a completed mission is worth.</summary>
public static class IndemnityRules
{
    public const decimal PerSolidarityDay = 200m;
    public const decimal PerCompleteRotation = 1000m;
    public const int RotationDays = 6;

    /// <summary>
    /// Solidarity days: 200 EUR a day. Weekly rotation: 1,000 EUR for six days or more, else pro rata per day worked
    /// (1,000 × days ÷ 6, rounded to the cent half away from zero: 1 day = 166.67, 5 days = 833.33). Salaried schedules
    /// are costs of the site, not indemnities: null.
    /// </summary>
    public static decimal? AmountFor(string kind, int daysWorked) => kind switch
    {
        "SolidarityDays" => PerSolidarityDay * daysWorked,
        "WeeklyRotation" => daysWorked >= RotationDays ? PerCompleteRotation : Money.Round(PerCompleteRotation * daysWorked / RotationDays),
        "Salaried" => null,
        _ => throw new InvalidMessageException($"Unknown mission kind '{kind}'."),
    };
}

/// <summary>Writes the indemnity of a completed mission, once (inbox, and one line per mission in the database).</summary>
public sealed class MissionCompletedConsumer(FundingDbContext db, TimeProvider time, ILogger<MissionCompletedConsumer> logger)
    : InboxConsumer<MissionCompleted, FundingDbContext>(db, logger)
{
    protected override async Task ApplyAsync(ConsumeContext<MissionCompleted> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        if (!Rpps.IsValid(m.PractitionerRpps) || m.DaysWorked is < 0 or > 31 || m.EndDate < m.StartDate)
        {
            throw new InvalidMessageException($"MissionCompleted {m.MissionId}: invalid RPPS, days worked or dates.");
        }

        if (IndemnityRules.AmountFor(m.Kind, m.DaysWorked) is not { } amount || amount == 0)
        {
            return; // salaried schedule, or nothing worked
        }

        if (await Db.IndemnityLines.AnyAsync(l => l.MissionId == m.MissionId && l.ReversesLineId == null, cancellationToken))
        {
            return; // the same mission announced again under another message id
        }

        Db.IndemnityLines.Add(new IndemnityLine
        {
            MissionId = m.MissionId,
            PractitionerRpps = m.PractitionerRpps,
            SiteId = m.SiteId,
            DueOn = m.EndDate,
            Amount = amount,
            Description = m.Kind == "SolidarityDays"
                ? $"{m.DaysWorked} solidarity day(s) × 200 EUR"
                : m.DaysWorked >= IndemnityRules.RotationDays ? "Weekly rotation (6 days)" : $"Weekly rotation, {m.DaysWorked} of 6 days (pro rata)",
            RecordedAt = time.GetUtcNow(),
        });
    }
}

public sealed record IndemnityLineResponse(long Id, Guid? MissionId, string PractitionerRpps, Guid SiteId, DateOnly DueOn, decimal Amount, string Description, long? ReversesLineId, Guid? PaidInBatch);

public sealed record ReverseRequest([Required][property: JsonConverter(typeof(MultiLineTextConverter))] string? Reason);

public sealed record PayoutRequest([Required] DateOnly? PeriodStart, [Required] DateOnly? PeriodEnd);

public sealed record PractitionerPayout(string PractitionerRpps, int Lines, decimal Amount);

public sealed record PayoutResponse(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Total, IReadOnlyList<PractitionerPayout> Practitioners);

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
