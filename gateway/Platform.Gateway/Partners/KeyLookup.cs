namespace Platform.Gateway.Partners;

/// <summary>Why a key could not be resolved: unknown (401) or the key store cannot be reached (503).</summary>
public enum KeyLookup
{
    Found,
    Unknown,
    StoreUnavailable,
}
