namespace Platform.Patients.Protection;

/// <summary>
/// Keys of the identity encryption (<c>Patients:Protection</c>), secrets from configuration only: each a string of
/// 32+ characters (e.g. <c>openssl rand -hex 32</c>), from which the 256-bit key is derived (SHA-256).
/// </summary>
public sealed class IdentityProtectionOptions
{
    public const string Section = "Patients:Protection";

    /// <summary>Data keys by id (<c>Patients__Protection__Keys__2026a</c>): every key still used by some row must stay here.</summary>
    public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The key new and re-encrypted rows use; the others are only read, until a rotation has moved every row off them.</summary>
    public string CurrentKey { get; set; } = string.Empty;

    /// <summary>Key of the blind indexes (NIR uniqueness, name search). Changing it means recomputing every index (rotate-keys does).</summary>
    public string IndexKey { get; set; } = string.Empty;

    public const int MinimumLength = 32;

    public string? Problem() =>
        Keys.Count == 0 || string.IsNullOrEmpty(CurrentKey) ? $"{Section}:Keys and {Section}:CurrentKey must be set (secrets from configuration)."
        : !Keys.ContainsKey(CurrentKey) ? $"{Section}:CurrentKey names no key of {Section}:Keys."
        : Keys.Any(k => k.Key.Length is 0 or > 20 || k.Value.Length < MinimumLength) ? $"{Section}:Keys: ids of 1 to 20 characters, keys of {MinimumLength}+ characters."
        : IndexKey.Length < MinimumLength ? $"{Section}:IndexKey must have {MinimumLength}+ characters."
        : null;
}
