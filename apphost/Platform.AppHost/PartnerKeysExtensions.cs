namespace Platform.AppHost;

/// <summary>The gateway is given each partner's key hash, role and scope.</summary>
internal static class PartnerKeysExtensions
{
    public static IResourceBuilder<ProjectResource> WithPartners(this IResourceBuilder<ProjectResource> gateway, PartnerKeys keys) =>
        gateway.WithEnvironment(context =>
        {
            foreach (var (partner, role, scope, hash) in keys.Partners)
            {
                context.EnvironmentVariables[$"Gateway__Partners__{partner}__Scope"] = scope;
                context.EnvironmentVariables[$"Gateway__Partners__{partner}__KeyHash"] = hash;
                context.EnvironmentVariables[$"Gateway__Partners__{partner}__Role"] = role;
            }
        });
}
