namespace Platform.Patients.Access;

/// <summary>
/// A site where a practitioner has a mission, kept from Missions' events (<c>MissionScheduled</c>,
/// <c>MissionCancelled</c>): a practitioner's scope covers the patients waiting for these sites.
/// </summary>
public sealed class PractitionerSite
{
    public Guid MissionId { get; init; }

    public required string Rpps { get; init; }

    public Guid SiteId { get; init; }

    /// <summary>The site's waiting list (<c>site:{id}</c>), as <see cref="WaitingLists.WaitingListEntry.ListId"/> names it.</summary>
    public required string ListId { get; init; }
}
