namespace Platform.Gateway.Partners;

/// <summary>A key as the admin sees it once, at creation or rotation: the only time the secret is shown.</summary>
public sealed record IssuedKey(string Id, string Partner, string Role, string Scope, string Key, DateTimeOffset CreatedAt);
