namespace Platform.Patients.WaitingLists;

/// <summary>A waiting list's identity: a territory (CPTS code or INSEE commune) or a site (Missions site id).</summary>
public readonly record struct WaitingListId(string Scope, string Key)
{
    public const string Territory = "territory";
    public const string Site = "site";

    public override string ToString() => $"{Scope}:{Key}";

    public static bool TryCreate(string? scope, string? key, out WaitingListId id, out string? error)
    {
        id = default;
        error = null;
        switch (scope)
        {
            case Territory when key is { Length: >= 2 and <= 40 } && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'):
                id = new WaitingListId(Territory, key);
                return true;
            case Territory:
                error = "A territory key has 2 to 40 characters: lower-case letters, digits, dashes (e.g. cpts-pays-de-laval, 53130).";
                return false;
            case Site when Guid.TryParse(key, out var site):
                id = new WaitingListId(Site, site.ToString());
                return true;
            case Site:
                error = "A site key is the site's id (a GUID) in the Missions service.";
                return false;
            default:
                error = "The scope is 'territory' or 'site'.";
                return false;
        }
    }
}
