using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The identity the gateway passes to the services: the partner and role it authenticated, in a short-lived token it
/// signs (HMAC-SHA256 with <c>Platform:Identity:Key</c>, shared by the gateway and the services), in the
/// <c>X-Platform-Identity</c> header: <c>v1.{base64url(json)}.{base64url(mac)}</c>. A caller cannot forge it without
/// the key, and a captured token expires within a minute.
/// </summary>
public static class PlatformIdentity
{
    public const string Header = "X-Platform-Identity";
    public const string KeySetting = "Platform:Identity:Key";
    public const string AuthenticationType = "platform-gateway";
    public const int MinimumKeyLength = 32;
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Headers of earlier versions (and any a caller makes up): never trusted, always removed.</summary>
    public static readonly string[] UntrustedHeaders = ["X-Platform-Partner", "X-Platform-Role"];

    private sealed record Payload(string P, string R, long Exp);

    public static string Sign(string partner, string role, DateTimeOffset now, byte[] key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(partner, role, (now + Lifetime).ToUnixTimeSeconds()));
        var body = Base64Url.EncodeToString(json);
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));
        return $"v1.{body}.{Base64Url.EncodeToString(mac)}";
    }

    /// <summary>The partner and role of a token signed with <paramref name="key"/> and not expired, or null.</summary>
    public static (string Partner, string Role)? Verify(string? token, DateTimeOffset now, byte[] key)
    {
        var parts = token?.Split('.');
        if (parts is not ["v1", var body, var signature] || body.Length > 2048)
        {
            return null;
        }

        try
        {
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(signature)))
            {
                return null;
            }

            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(body));
            return payload is { P.Length: > 0, R.Length: > 0 } && payload.Exp >= now.ToUnixTimeSeconds() ? (payload.P, payload.R) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The partner and role the gateway signed for this request, or null for a request that did not come through it.</summary>
    public static (string Partner, string Role)? CallerOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } identity
            ? (identity.Name ?? "unknown", user.FindFirst(ClaimTypes.Role)?.Value ?? "none")
            : null;
    }

    /// <summary>The signing key from configuration, or null when none is set (development without the gateway).</summary>
    public static byte[]? Key(IConfiguration configuration)
    {
        var value = configuration[KeySetting];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length >= MinimumKeyLength
            ? Encoding.UTF8.GetBytes(value)
            : throw new InvalidOperationException($"{KeySetting} must have at least {MinimumKeyLength} characters.");
    }

    /// <summary>
    /// Services: with a key configured, every <c>/api</c> request must carry a valid gateway token (401 otherwise: a
    /// service reached directly, or with a forged identity, is refused); the partner and role become the request's
    /// user. Without a key, requests are served as the caller "direct" in Development, and refused (503) elsewhere.
    /// </summary>
    public static WebApplication UsePlatformIdentity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var key = Key(app.Configuration);
        var closed = key is null && !app.Environment.IsDevelopment(); // fail closed: no key, no API outside Development

        var time = app.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        app.Use(async (context, next) =>
        {
            foreach (var header in UntrustedHeaders)
            {
                context.Request.Headers.Remove(header);
            }

            var token = context.Request.Headers[Header].ToString();
            context.Request.Headers.Remove(Header);
            if (closed && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await Results.Problem(statusCode: 503, title: $"{KeySetting} is not configured: this service cannot verify its callers.").ExecuteAsync(context);
                return;
            }

            if (key is not null && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                if (Verify(token, time.GetUtcNow(), key) is not { } caller)
                {
                    await Results.Problem(statusCode: 401, title: "This service answers requests from the gateway only.",
                        detail: $"No valid {Header}: call the platform through its gateway with a partner credential.").ExecuteAsync(context);
                    return;
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.Partner), new Claim(ClaimTypes.Role, caller.Role)], AuthenticationType));
            }

            await next(context);
        });
        return app;
    }
}
