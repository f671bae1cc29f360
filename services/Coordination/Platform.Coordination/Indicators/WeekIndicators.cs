namespace Platform.Coordination.Indicators;

/// <summary>One week of a commune's or territory's history; the two stocks are their values at the end of the week.</summary>
public sealed record WeekIndicators(
    DateOnly WeekStart,
    int PatientsWithoutGp,
    int WaitingListEntries,
    int Registered,
    int GivenAGp,
    int Consultations,
    int Orientations,
    int MissionsCompleted,
    int DaysWorked,
    int VolunteersMobilised,
    int SiteWeeksCovered,
    int SiteWeeksUncovered);
