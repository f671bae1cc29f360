using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Security;

public static class ServiceIdentityExtensions
{
    /// <summary>Calls made by this client carry the service's identity, for <paramref name="target"/> (the called service's name).</summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder client, string target)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddHttpMessageHandler(sp => new ServiceIdentityHandler(sp.GetRequiredService<ServiceIdentity>(), target));
    }
}
