namespace Platform.Gateway.Partners;

/// <summary>A partner the gateway recognised, and where its key came from.</summary>
public sealed record Partner(string Name, string Role, string Scope, string Source);
