namespace Platform.Gateway.Protection;

/// <summary>Requests per second a partner may make (<c>Gateway:RateLimit:PermitPerSecond</c>; one partner: <c>Gateway:RateLimit:PerPartner:{name}</c>).</summary>
public sealed class RateLimitOptions
{
    public int PermitPerSecond { get; set; } = 200;

    public Dictionary<string, int> PerPartner { get; init; } = new(StringComparer.Ordinal);
}
