using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Grpc.Missions;

namespace Platform.Funding.Budgets;

/// <summary>Sites live in the Missions service: Funding asks it over gRPC whether one exists.</summary>
internal static class Sites
{
    /// <summary>The site, or null when Missions does not know it; or a 503 problem when Missions cannot be reached.</summary>
    public static async Task<(Site? Site, ProblemHttpResult? Unavailable)> FindAsync(SiteDirectory.SiteDirectoryClient sites, Guid siteId, CancellationToken ct)
    {
        try
        {
            var reply = await sites.GetSiteAsync(new GetSiteRequest { Id = siteId.ToString() }, cancellationToken: ct);
            return (reply.Found ? reply.Site : null, null);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return (null, TypedResults.Problem(statusCode: 503, title: "The Missions service cannot be reached to check the site; try again."));
        }
    }

    public static ValidationProblem Unknown() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siteId"] = ["No site with this id is known to the Missions service."] });
}
