using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grpc.Funding;

namespace Platform.Funding.Funders;

public sealed class FunderDirectoryService(FundingDbContext db) : FunderDirectory.FunderDirectoryBase
{
    public override async Task<ListFundersReply> ListFunders(ListFundersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name).ToListAsync(context.CancellationToken);
        var reply = new ListFundersReply();
        reply.Funders.AddRange(funders.Select(f => new Platform.Contracts.Grpc.Funding.Funder
        {
            Id = f.Id.ToString(),
            Name = f.Name,
            Kind = f.Kind.ToString(),
        }));
        return reply;
    }
}
