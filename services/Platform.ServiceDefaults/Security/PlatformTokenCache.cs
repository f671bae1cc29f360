using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Signed <see cref="PlatformToken"/>s, each reused for half its lifetime (30 s) rather than signed for every request:
/// a token then always has at least 30 s left when it reaches a service. Used by the gateway (a token per partner,
/// role, scope and service) and by services calling each other.
/// </summary>
public sealed class PlatformTokenCache(SecurityKey key, TimeProvider time)
{
    private sealed record Signed(string Token, string Authorization, DateTimeOffset SignedAt);

    private readonly ConcurrentDictionary<(string Partner, string Role, string Scope, string Audience), Signed> _tokens = new();

    public string For(string partner, string role, string scope, string audience) => Get(partner, role, scope, audience).Token;

    /// <summary>The same token as an <c>Authorization</c> header value (<c>Bearer …</c>), made once with it: a proxy sets it as is.</summary>
    public string AuthorizationFor(string partner, string role, string scope, string audience) => Get(partner, role, scope, audience).Authorization;

    private Signed Get(string partner, string role, string scope, string audience)
    {
        var now = time.GetUtcNow();
        var id = (partner, role, scope, audience);
        if (_tokens.TryGetValue(id, out var cached) && now - cached.SignedAt < PlatformToken.Lifetime / 2)
        {
            return cached;
        }

        var token = PlatformToken.Create(partner, role, scope, audience, now, key);
        return _tokens[id] = new Signed(token, "Bearer " + token, now);
    }
}
