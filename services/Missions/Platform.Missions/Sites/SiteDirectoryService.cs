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
        if (commune.Length > 0 && !InseeCode.IsValid(commune))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"commune_code: {InseeCode.Rule}"));
        }

        var sites = await db.Sites.AsNoTracking()
            .Where(s => commune.Length == 0 || s.CommuneCode == commune)
            .OrderBy(s => s.Name)
            .ToListAsync(context.CancellationToken);
        var reply = new ListSitesReply();
        reply.Sites.AddRange(sites.Select(s => new Platform.Contracts.Grpc.Missions.Site
        {
            Id = s.Id.ToString(),
            Name = s.Name,
            Kind = s.Kind.ToString(),
            CommuneCode = s.CommuneCode,
            LinesPerWeek = s.LinesPerWeek,
        }));
        return reply;
    }
}
