using Platform.Patients.WaitingLists;

namespace Platform.Patients.Access;

/// <summary>
/// A site where a practitioner has a mission, kept from Missions' events (<c>MissionScheduled</c>,
/// <c>MissionCancelled</c>): a practitioner's scope covers the patients waiting for these sites while the mission is
/// not cancelled. A cancellation is kept (not deleted) so that a MissionScheduled arriving after it, from another
/// queue, finds it and does not open the site again.
/// </summary>
public sealed class PractitionerSite
{
    public Guid MissionId { get; init; }

    public required string Rpps { get; init; }

    public Guid SiteId { get; init; }

    /// <summary>The site's waiting list (<c>site:{id}</c>), as <see cref="WaitingLists.WaitingListEntry.ListId"/> names it.</summary>
    public required string ListId { get; init; }

    /// <summary>The practitioner's place at a site through a mission, with the site's waiting list.</summary>
    public static PractitionerSite For(Guid missionId, string rpps, Guid siteId) => new()
    {
        MissionId = missionId,
        Rpps = rpps,
        SiteId = siteId,
        ListId = new WaitingListId(WaitingListId.Site, siteId.ToString()).ToString(),
    };

    /// <summary>When Missions announced the mission cancelled; null while it stands.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}
