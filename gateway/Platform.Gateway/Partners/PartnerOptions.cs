namespace Platform.Gateway.Partners;

public sealed class PartnerOptions
{
    public Dictionary<string, PartnerCredential> Partners { get; init; } = new(StringComparer.Ordinal);
}
