namespace Platform.Gateway.Partners;

public sealed record CreateKeyRequest(string? Partner, string? Role, string? Scope);
