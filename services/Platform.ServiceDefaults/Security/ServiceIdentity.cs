using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>Adds the service's own identity to every call of a gRPC (or HTTP) client.</summary>
public sealed class ServiceIdentityHandler(ServiceIdentity identity, string target) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.TokenFor(target));
        return base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceIdentityExtensions
{
    /// <summary>Calls made by this client carry the service's identity, for <paramref name="target"/> (the called service's name).</summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder client, string target)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddHttpMessageHandler(sp => new ServiceIdentityHandler(sp.GetRequiredService<ServiceIdentity>(), target));
    }
}
