using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Missions;

namespace Platform.Missions.Sites;

public sealed class SiteDirectoryService(MissionsDbContext db) : SiteDirectory.SiteDirectoryBase
{
    public override async Task<ListSitesReply> ListSites(ListSitesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var commune = request.CommuneCode;
        if (commune.Length > 0 && InseeCode.Problem(commune) is { } communeProblem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"commune_code: {communeProblem}"));
        }

        var sites = await db.Sites.AsNoTracking()
            .Where(s => commune.Length == 0 || s.CommuneCode == commune)
            .OrderBy(s => s.Name)
            .ToListAsync(context.CancellationToken);
        var reply = new ListSitesReply();
        reply.Sites.AddRange(sites.Select(ToMessage));
        return reply;
    }

    public override async Task<GetSiteReply> GetSite(GetSiteRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "id: a site id is a GUID."));
        }

        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, context.CancellationToken);
        return site is null ? new GetSiteReply { Found = false } : new GetSiteReply { Found = true, Site = ToMessage(site) };
    }

    private static Platform.Contracts.Grpc.Missions.Site ToMessage(Site s) => new()
    {
        Id = s.Id.ToString(),
        Name = s.Name,
        Kind = s.Kind.ToString(),
        CommuneCode = s.CommuneCode,
        LinesPerWeek = s.LinesPerWeek,
    };
}
