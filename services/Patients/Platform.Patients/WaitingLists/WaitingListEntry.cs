using System.Text.Json.Serialization;

namespace Platform.Patients.WaitingLists;

[JsonConverter(typeof(StrictEnumConverter<LeaveReason>))]
public enum LeaveReason
{
    GivenDoctor,
    Moved,
    Deceased,
    Other,
}

/// <summary>A patient's place on one waiting list, from enrolment to leaving it (with the reason).</summary>
public sealed class WaitingListEntry
{
    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    /// <summary><c>territory:{code}</c> or <c>site:{site id}</c>.</summary>
    public required string ListId { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }

    /// <summary>Day of enrolment as a day number (days since 0001-01-01, UTC), so days waited order in SQL.</summary>
    public int EnrolledDay { get; init; }

    public DateTimeOffset? LeftAt { get; set; }

    public LeaveReason? LeaveReason { get; set; }

    public void Leave(LeaveReason reason, DateTimeOffset at)
    {
        LeftAt = at;
        LeaveReason = reason;
    }

    public int DaysWaited(DateTimeOffset now) => DateOnly.FromDateTime((LeftAt ?? now).UtcDateTime).DayNumber - EnrolledDay;
}

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
