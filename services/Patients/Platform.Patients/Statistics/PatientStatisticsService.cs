using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Patients;

namespace Platform.Patients.Statistics;

/// <summary>gRPC queries for other services: counts only, never identity.</summary>
public sealed class PatientStatisticsService(PatientsDbContext db) : PatientStatistics.PatientStatisticsBase
{
    public override async Task<CommuneCountReply> GetCommuneCount(CommuneCountRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!InseeCode.IsValid(request.CommuneCode))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"commune_code: {InseeCode.Rule}"));
        }

        var count = await db.Patients.CountAsync(p => p.CommuneCode == request.CommuneCode && !p.HasReferringGp, context.CancellationToken);
        return new CommuneCountReply { CommuneCode = request.CommuneCode, PatientsWithoutGp = count };
    }
}
