using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Every authorization policy of the platform, by name, with the roles it admits: the gateway's YARP routes name
/// them (<c>AuthorizationPolicy</c>) and each service route states one (<c>RequireAuthorization</c>), so the gateway
/// and the services enforce the same matrix (docs/roles.md), defined here only.
/// </summary>
public static class PlatformPolicies
{
    public const string PatientsRead = "patients-read";
    public const string PatientsWrite = "patients-write";
    public const string MissionsRead = "missions-read";
    public const string MissionsWrite = "missions-write";
    public const string FundingRead = "funding-read";
    public const string FundingWrite = "funding-write";
    public const string CoordinationRead = "coordination-read";
    public const string CoordinationWrite = "coordination-write";
    public const string ZonesClassify = "zones-classify";

    /// <summary>A patient's identity (record, identity search): care roles only.</summary>
    public const string PatientIdentity = "patient-identity";

    /// <summary>The access audit of a patient record.</summary>
    public const string AccessAudit = "access-audit";

    /// <summary>Platform administration: the gateway's keys, the services' error queues.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>gRPC queries of each service: platform services, and partners with the service's read role (through the gateway).</summary>
    public const string PatientsQuery = "patients-query";
    public const string MissionsQuery = "missions-query";
    public const string FundingQuery = "funding-query";
    public const string CoordinationQuery = "coordination-query";

    private static readonly string[] s_everyPartner = [.. PlatformRoles.Partners];
    private static readonly string[] s_care = [.. PlatformRoles.Care];

    /// <summary>Policy name → roles admitted.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [PatientsRead] = s_everyPartner,
        [PatientsWrite] = s_care,
        [MissionsRead] = s_everyPartner,
        [MissionsWrite] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator, PlatformRoles.CentreStaff],
        [FundingRead] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator, PlatformRoles.Funder, PlatformRoles.ArsAnalyst],
        [FundingWrite] = [PlatformRoles.PlatformAdmin, PlatformRoles.Funder],
        [CoordinationRead] = s_everyPartner,
        [CoordinationWrite] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator, PlatformRoles.CentreStaff],
        [ZonesClassify] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator, PlatformRoles.ArsAnalyst],
        [PatientIdentity] = s_care,
        [AccessAudit] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator],
        [PlatformAdmin] = [PlatformRoles.PlatformAdmin],
        [PatientsQuery] = [.. s_everyPartner, PlatformRoles.Service],
        [MissionsQuery] = [.. s_everyPartner, PlatformRoles.Service],
        [FundingQuery] = [PlatformRoles.PlatformAdmin, PlatformRoles.CptsCoordinator, PlatformRoles.Funder, PlatformRoles.ArsAnalyst, PlatformRoles.Service],
        [CoordinationQuery] = [.. s_everyPartner, PlatformRoles.Service],
    };

    /// <summary>Registers every policy: an authenticated caller with one of the policy's roles.</summary>
    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return authorization;
    }

    /// <summary>Whether <paramref name="user"/> satisfies the named policy (for answers that vary by role, e.g. names shown or not).</summary>
    public static bool Allows(this System.Security.Claims.ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && Roles[policy].Any(user.IsInRole);
    }
}
