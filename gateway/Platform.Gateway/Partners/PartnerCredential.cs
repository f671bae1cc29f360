namespace Platform.Gateway.Partners;

/// <summary>A partner application allowed through the gateway, as configured under <c>Gateway:Partners:{name}</c>.</summary>
public sealed class PartnerCredential
{
    /// <summary>SHA-256 of the partner's API key, hex. The key itself is never stored or logged.</summary>
    public string KeyHash { get; set; } = string.Empty;

    /// <summary>The partner's role (platform-admin, cpts-coordinator, centre-staff, practitioner, funder, ars-analyst).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>What part of the territory the partner acts on (<c>region</c>, <c>communes:…</c>, <c>site:…</c>, <c>practitioner:…</c>).</summary>
    public string Scope { get; set; } = string.Empty;
}
