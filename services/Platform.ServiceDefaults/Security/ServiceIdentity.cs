using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// How a service identifies itself to another one: a <see cref="PlatformToken"/> with role <see cref="PlatformRoles.Service"/>,
/// its own name as partner and the called service as audience, reused for half its lifetime.
/// </summary>
public sealed class ServiceIdentity(string name, SecurityKey key)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset SignedAt)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The calling service's name, the audience of the tokens it accepts (e.g. <c>patients</c>).</summary>
    public string Name { get; } = name;

    public string TokenFor(string target, DateTimeOffset now)
    {
        if (_tokens.TryGetValue(target, out var cached) && now - cached.SignedAt < PlatformToken.Lifetime / 2)
        {
            return cached.Token;
        }

        var token = PlatformToken.Create(Name, PlatformRoles.Service, "region", target, now, key);
        _tokens[target] = (token, now);
        return token;
    }
}

/// <summary>Adds the service's own identity to every call of a gRPC (or HTTP) client.</summary>
public sealed class ServiceIdentityHandler(ServiceIdentity identity, string target, TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.TokenFor(target, time.GetUtcNow()));
        return base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceIdentityExtensions
{
    /// <summary>Calls made by this client carry the service's identity, for <paramref name="target"/> (the called service's name).</summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder client, string target)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddHttpMessageHandler(sp => new ServiceIdentityHandler(
            sp.GetRequiredService<ServiceIdentity>(), target, sp.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
