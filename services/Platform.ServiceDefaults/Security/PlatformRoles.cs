namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The roles of the platform, defined once for the gateway and the services. A partner (API key or bearer token) has
/// one of <see cref="Partners"/>; <see cref="Service"/> is the role of a platform service calling another over gRPC,
/// never given to a partner. What each role may reach is in <see cref="PlatformPolicies"/> and docs/roles.md.
/// </summary>
public static class PlatformRoles
{
    public const string PlatformAdmin = "platform-admin";
    public const string CptsCoordinator = "cpts-coordinator";
    public const string CentreStaff = "centre-staff";
    public const string Practitioner = "practitioner";
    public const string Funder = "funder";
    public const string ArsAnalyst = "ars-analyst";

    /// <summary>A platform service calling another one (gRPC); the partner is the calling service's name.</summary>
    public const string Service = "service";

    /// <summary>The roles a partner key or token may carry.</summary>
    public static readonly IReadOnlyList<string> Partners = [PlatformAdmin, CptsCoordinator, CentreStaff, Practitioner, Funder, ArsAnalyst];

    /// <summary>Roles that care for patients: they see identities (every view audited), within their scope.</summary>
    public static readonly IReadOnlyList<string> Care = [PlatformAdmin, CptsCoordinator, CentreStaff, Practitioner];

    /// <summary>Roles that work on aggregates and pseudonyms only.</summary>
    public static readonly IReadOnlyList<string> Aggregates = [Funder, ArsAnalyst];
}
