using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grpc.Missions;

namespace Platform.Missions.Practitioners;

/// <summary>gRPC lookup by RPPS for the other services (Patients checks a referent with it).</summary>
public sealed class PractitionerDirectoryService(MissionsDbContext db) : PractitionerDirectory.PractitionerDirectoryBase
{
    public override async Task<PractitionerReply> GetPractitioner(GetPractitionerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Rpps.IsValid(request.Rpps))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"rpps: {Rpps.Rule}"));
        }

        var p = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(x => x.Rpps == request.Rpps, context.CancellationToken);
        return p is null
            ? new PractitionerReply { Found = false, Rpps = request.Rpps }
            : new PractitionerReply { Found = true, Rpps = p.Rpps, FirstName = p.FirstName, LastName = p.LastName, Status = p.Status.ToString() };
    }
}
