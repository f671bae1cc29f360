namespace Platform.Gateway.Partners;

public sealed record KeyInfo(string Id, string Partner, string Role, string Scope, string Source, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt);
