namespace Platform.Gateway.Routing;

/// <summary>
/// Refuses an oversized request body at the gateway, before it is proxied, with a 413 problem: letting the service
/// refuse it mid-upload would reset the connection and surface as a 502. The limit is the route's
/// <c>MaxRequestBodySize</c> metadata, else <c>Gateway:MaxRequestBodySize</c> (64 KiB).
/// </summary>
/// <summary>The gateway's own limits (<c>Gateway</c> section).</summary>
public sealed class GatewayLimits
{
    public long MaxRequestBodySize { get; set; } = RequestSizeLimit.DefaultLimit;
}
