using System.Globalization;
using Grpc.Core;
using Platform.Contracts.Grpc.Funding;

namespace Platform.Funding.Budgets;

/// <summary>gRPC for Coordination: how well a site-year is funded.</summary>
public sealed class FundingCoverageService(FundingDbContext db) : FundingCoverage.FundingCoverageBase
{
    public override async Task<SiteCoverageReply> GetSiteCoverage(SiteCoverageRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(request.SiteId, out var siteId) || request.Year is < 2000 or > 2100)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "site_id (GUID) and year (2000-2100) are required."));
        }

        var budget = await SiteBudgets.ComputeAsync(db, siteId, request.Year, context.CancellationToken);
        return new SiteCoverageReply
        {
            Costs = budget.TotalCosts.ToString("0.00", CultureInfo.InvariantCulture),
            Funding = budget.Funding.ToString("0.00", CultureInfo.InvariantCulture),
            Shortfall = budget.Shortfall.ToString("0.00", CultureInfo.InvariantCulture),
            CoverageRatio = (double)(budget.CoverageRatio ?? 0m),
        };
    }
}
