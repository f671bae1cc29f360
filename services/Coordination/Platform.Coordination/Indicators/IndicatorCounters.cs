namespace Platform.Coordination.Indicators;

/// <summary>
/// The counters every indicator row carries. Each event adds deltas to them (never a value read then written), so
/// the result does not depend on the order events arrive in; reads show a transiently negative count as 0.
/// </summary>
public abstract class IndicatorCounters
{
    /// <summary>The counters' column names: the only ones an update may name (never taken from a message).</summary>
    public static readonly IReadOnlySet<string> Columns = new HashSet<string>
    {
        "patients_without_gp", "waiting_list_entries", "registered", "given_a_gp", "consultations", "orientations",
        "missions_completed", "days_worked", "site_weeks_covered", "site_weeks_uncovered",
    };

    /// <summary>People without a referring GP (registered or imported, minus those given one; moves in and out).</summary>
    public int PatientsWithoutGp { get; set; }

    /// <summary>Waiting-list entries (enrolled minus left).</summary>
    public int WaitingListEntries { get; set; }

    /// <summary>People registered one by one (PatientRegistered).</summary>
    public int Registered { get; set; }

    /// <summary>People given a referring GP for the first time.</summary>
    public int GivenAGp { get; set; }

    public int Consultations { get; set; }

    public int Orientations { get; set; }

    /// <summary>Missions completed at sites of the commune.</summary>
    public int MissionsCompleted { get; set; }

    /// <summary>Days worked by volunteers at sites of the commune.</summary>
    public int DaysWorked { get; set; }

    /// <summary>Site-weeks covered by a completed weekly rotation.</summary>
    public int SiteWeeksCovered { get; set; }

    /// <summary>Site-weeks announced uncovered by Missions and not filled since.</summary>
    public int SiteWeeksUncovered { get; set; }
}
