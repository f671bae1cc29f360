using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Grpc.Missions;

namespace Platform.Patients.MissionsDirectory;

/// <summary>
/// What a write in Patients names in the Missions service, checked there (gRPC directories) before anything is
/// written: a practitioner by RPPS, a site by id. A name Missions does not know is a 400 on its field; Missions out
/// of reach is a 503 (nothing written, the partner may retry).
/// </summary>
public sealed class MissionsReferences(PractitionerDirectory.PractitionerDirectoryClient practitioners, SiteDirectory.SiteDirectoryClient sites)
{
    public const string UnknownPractitioner = "No practitioner with this RPPS is known to the Missions service.";
    public const string UnknownSite = "No site with this id is known to the Missions service.";

    /// <summary>The practitioner, or null when Missions knows none with this RPPS.</summary>
    public async Task<PractitionerReply?> PractitionerAsync(string rpps, CancellationToken ct)
    {
        var found = await practitioners.GetPractitionerAsync(new GetPractitionerRequest { Rpps = rpps }, cancellationToken: ct);
        return found.Found ? found : null;
    }

    /// <summary>The site, or null when Missions knows none with this id.</summary>
    public async Task<Site?> SiteAsync(Guid id, CancellationToken ct)
    {
        var found = await sites.GetSiteAsync(new GetSiteRequest { Id = id.ToString() }, cancellationToken: ct);
        return found.Found ? found.Site : null;
    }

    public static bool IsUnreachable(RpcException ex) =>
        (ex ?? throw new ArgumentNullException(nameof(ex))).StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    public static ProblemHttpResult Unreachable(string what) =>
        TypedResults.Problem(statusCode: 503, title: $"The Missions service cannot be reached to check {what}; nothing was written, try again.");
}
