using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Partners;

/// <summary>
/// Authenticates a partner from its <c>X-Api-Key</c> header through the <see cref="PartnerDirectory"/> (keys from
/// configuration, compared in constant time, then keys created by an admin, kept hashed in Redis). The partner's name
/// and role become the caller's identity. A key that cannot be checked because the key store is down is a 503, not a
/// 401: the credential may well be valid.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PartnerDirectory directory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Longer values are refused as malformed, unhashed.</summary>
    public const int MaxKeyLength = 200;
    private const string StoreDown = "platform.key-store-down";

    /// <summary>The key a request presents, when it presents exactly one, not empty and not longer than <see cref="MaxKeyLength"/>.</summary>
    public static bool TryReadKey(IHeaderDictionary headers, [NotNullWhen(true)] out string? key)
    {
        ArgumentNullException.ThrowIfNull(headers);
        key = headers.TryGetValue(HeaderName, out var values) && values.Count == 1 && values[0] is { Length: > 0 and <= MaxKeyLength } value ? value : null;
        return key is not null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.ContainsKey(HeaderName))
        {
            return AuthenticateResult.NoResult();
        }

        if (!TryReadKey(Request.Headers, out var key))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var (result, partner) = await directory.FindAsync(key);
        switch (result)
        {
            case KeyLookup.Found:
                return partner!.Authenticated;
            case KeyLookup.StoreUnavailable:
                Context.Items[StoreDown] = true;
                return AuthenticateResult.Fail("The key store cannot be reached.");
            default:
                return AuthenticateResult.Fail("Unknown API key.");
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(StoreDown))
        {
            Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: 503, title: "Your key cannot be checked right now; try again in a few seconds.").ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await base.HandleChallengeAsync(properties);
    }
}
