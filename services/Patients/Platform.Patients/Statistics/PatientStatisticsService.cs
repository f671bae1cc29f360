using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Patients;
using Platform.Patients.Access;
using Platform.Patients.WaitingLists;

namespace Platform.Patients.Statistics;

/// <summary>
/// gRPC queries for other services (and partners through the gateway): counts and pseudonyms only, never identity,
/// and only of the caller's scope (the platform's services have the region's).
/// </summary>
public sealed class PatientStatisticsService(PatientsDbContext db, Pseudonyms pseudonyms, TimeProvider time) : PatientStatistics.PatientStatisticsBase
{
    public override async Task<CommuneCountReply> GetCommuneCount(CommuneCountRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RequireCommune(request.CommuneCode);
        var count = await Visible(context).CountAsync(p => p.CommuneCode == request.CommuneCode && !p.HasReferringGp, context.CancellationToken);
        return new CommuneCountReply { CommuneCode = request.CommuneCode, PatientsWithoutGp = count };
    }

    public override async Task<WaitingListStatsReply> GetWaitingListStats(WaitingListStatsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var active = db.WaitingListEntries.AsNoTracking().Where(e => e.LeftAt == null);
        var patients = Visible(context).AsNoTracking();
        switch (request.ScopeCase)
        {
            case WaitingListStatsRequest.ScopeOneofCase.CommuneCode:
                RequireCommune(request.CommuneCode);
                patients = patients.Where(p => p.CommuneCode == request.CommuneCode);
                break;
            case WaitingListStatsRequest.ScopeOneofCase.SiteId when Guid.TryParse(request.SiteId, out var site):
                var listId = new WaitingListId(WaitingListId.Site, site.ToString()).ToString();
                active = active.Where(e => e.ListId == listId);
                break;
            default:
                throw new RpcException(new Status(StatusCode.InvalidArgument, "Give commune_code (INSEE) or site_id (GUID)."));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // A person on several lists is counted once, with their longest wait. Birth dates are enciphered at rest: the
        // age criterion is counted once the identities are opened.
        var rows = await (
                from e in active
                join p in patients on e.PatientId equals p.Id
                select new { e.EnrolledDay, Patient = p })
            .ToListAsync(context.CancellationToken);
        var waiting = rows.GroupBy(r => r.Patient.Id)
            .Select(g => new
            {
                FirstDay = g.Min(x => x.EnrolledDay),
                Ald = g.First().Patient.HasAld ? 1 : 0,
                Old = Priority.IsAtLeast70(g.First().Patient.BirthDate, today) ? 1 : 0,
            })
            .ToList();

        var reply = new WaitingListStatsReply { Waiting = waiting.Count };
        if (waiting.Count > 0)
        {
            reply.OldestWaitDays = today.DayNumber - waiting.Min(w => w.FirstDay);
            reply.AverageWaitDays = Math.Round(waiting.Average(w => (double)(today.DayNumber - w.FirstDay)), 1);
            reply.WithAld = waiting.Count(w => w.Ald == 1);
            reply.Aged70OrMore = waiting.Count(w => w.Old == 1);
        }

        return reply;
    }

    public override async Task<PatientSummaryReply> GetPatientSummary(PatientSummaryRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(request.PatientId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "patient_id: a GUID."));
        }

        var p = await Visible(context).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, context.CancellationToken);
        if (p is null)
        {
            return new PatientSummaryReply { Found = false };
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var age = today.Year - p.BirthDate.Year - (today < p.BirthDate.AddYears(today.Year - p.BirthDate.Year) ? 1 : 0);
        return new PatientSummaryReply
        {
            Found = true,
            Pseudonym = pseudonyms.For(p.Id),
            BirthYear = p.BirthDate.Year,
            AgeBand = age switch { < 18 => "0-17", < 40 => "18-39", < 60 => "40-59", < 70 => "60-69", < 80 => "70-79", _ => "80+" },
            CommuneCode = p.CommuneCode,
            HasAld = p.HasAld,
            Precarity = p.Precarity,
            Isolation = p.Isolation,
            NeedsTransport = p.NeedsTransport,
            HasReferringGp = p.HasReferringGp,
            Waiting = await db.WaitingListEntries.AnyAsync(e => e.PatientId == id && e.LeftAt == null, context.CancellationToken),
        };
    }

    private static void RequireCommune(string commune)
    {
        if (InseeCode.Problem(commune) is { } communeProblem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"commune_code: {communeProblem}"));
        }
    }

    public override async Task<VerifyPseudonymReply> VerifyPseudonym(VerifyPseudonymRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var issued = pseudonyms.TryResolve(request.Pseudonym, out var id)
            && await Visible(context).AnyAsync(p => p.Id == id, context.CancellationToken);
        return new VerifyPseudonymReply { Issued = issued };
    }

    /// <summary>The patients the caller's scope covers: a count or a summary never includes anyone outside it.</summary>
    private IQueryable<Registry.Patient> Visible(ServerCallContext context) => db.Patients.VisibleTo(db, context.GetHttpContext().User);
}
