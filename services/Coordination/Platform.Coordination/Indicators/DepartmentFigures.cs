namespace Platform.Coordination.Indicators;

/// <summary>One department's indicators, summed over its communes.</summary>
public sealed record DepartmentFigures(string Department, int PatientsWithoutGp, int WaitingListEntries, int GivenAGp, int Consultations,
    int MissionsCompleted, int DaysWorked, int SiteWeeksUncovered);
