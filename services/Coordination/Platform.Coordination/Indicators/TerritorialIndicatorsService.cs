using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Coordination;

namespace Platform.Coordination.Indicators;

public sealed class TerritorialIndicatorsService(CoordinationDbContext db) : TerritorialIndicators.TerritorialIndicatorsBase
{
    public override async Task<CommuneIndicatorsReply> GetCommuneIndicators(CommuneIndicatorsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (InseeCode.Problem(request.CommuneCode) is { } communeProblem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"commune_code: {communeProblem}"));
        }

        var count = await db.CommuneIndicators.Where(c => c.CommuneCode == request.CommuneCode)
            .Select(c => c.PatientsWithoutGp).FirstOrDefaultAsync(context.CancellationToken);
        return new CommuneIndicatorsReply { CommuneCode = request.CommuneCode, PatientsWithoutGp = count };
    }
}
