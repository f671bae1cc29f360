namespace Platform.ServiceDefaults.Security;

/// <summary>
/// How a service identifies itself to another one: a <see cref="PlatformToken"/> with role <see cref="PlatformRoles.Service"/>,
/// its own name as partner, the region as scope and the called service as audience.
/// </summary>
public sealed class ServiceIdentity(string name, PlatformTokenCache tokens)
{
    /// <summary>The calling service's name, the audience of the tokens it accepts (e.g. <c>patients</c>).</summary>
    public string Name { get; } = name;

    public string TokenFor(string target) => tokens.For(Name, PlatformRoles.Service, "region", target);
}
