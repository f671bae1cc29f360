using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Testing;

/// <summary>
/// Signs a fresh platform identity for every request, as the gateway does for a partner (or a service for itself):
/// for calling a service directly in tests and benchmarks.
/// </summary>
public sealed class SignedAs(string partner, string role, string scope, string audience, string key) : DelegatingHandler
{
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(key));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformToken.Create(partner, role, scope, audience, DateTimeOffset.UtcNow, _key));
        return base.SendAsync(request, cancellationToken);
    }
}
