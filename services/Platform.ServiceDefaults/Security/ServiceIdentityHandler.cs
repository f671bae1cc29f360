using System.Net.Http.Headers;

namespace Platform.ServiceDefaults.Security;

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
