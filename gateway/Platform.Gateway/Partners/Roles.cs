namespace Platform.Gateway.Partners;

/// <summary>
/// The partner roles, and the route policies built from <c>Gateway:Policies</c> (policy name → roles allowed). The
/// YARP routes name these policies; the services add their own checks (identity only for care roles). The matrix is
/// written out in docs/roles.md and walked cell by cell by a test.
/// </summary>
public static class Roles
{
    public const string PlatformAdmin = "platform-admin";
    public const string CptsCoordinator = "cpts-coordinator";
    public const string CentreStaff = "centre-staff";
    public const string Practitioner = "practitioner";
    public const string Funder = "funder";
    public const string ArsAnalyst = "ars-analyst";
    public const string AdminPolicy = "gateway-admin";

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, CptsCoordinator, CentreStaff, Practitioner, Funder, ArsAnalyst];

    public static void AddRoutePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization, IConfiguration configuration)
    {
        var policies = configuration.GetSection("Gateway:Policies").GetChildren().ToList();
        if (!policies.Any(p => p.Key == AdminPolicy))
        {
            throw new InvalidOperationException($"Gateway:Policies:{AdminPolicy} is missing.");
        }

        foreach (var policy in policies)
        {
            var roles = policy.Get<string[]>() ?? [];
            var unknown = roles.Except(All).ToList();
            if (roles.Length == 0 || unknown.Count > 0)
            {
                throw new InvalidOperationException($"Gateway:Policies:{policy.Key} must list roles among {string.Join(", ", All)}" +
                    (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : "."));
            }

            authorization.AddPolicy(policy.Key, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
