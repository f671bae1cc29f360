namespace Platform.Coordination.Indicators;

/// <summary>
/// A commune's figures now. Name and population come from the CPTS territory; a commune outside every territory
/// (<see cref="InTerritory"/> false) still has its events counted, kept for when it joins one.
/// </summary>
public sealed record CommuneIndicatorResponse(
    string CommuneCode,
    string? Name,
    int? Population,
    bool InTerritory,
    int PatientsWithoutGp,
    decimal? WithoutGpPer1000,
    int WaitingListEntries,
    int? OldestWaitDays,
    int Registered,
    int GivenAGp,
    int Consultations,
    int Orientations,
    int MissionsCompleted,
    int DaysWorked,
    int VolunteersMobilised,
    int SiteWeeksCovered,
    int SiteWeeksUncovered,
    decimal FundingShortfall,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ReconciledAt);
