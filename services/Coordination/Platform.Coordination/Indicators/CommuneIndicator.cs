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

/// <summary>Per-commune figures of the territory now, projected from the other services' events.</summary>
public sealed class CommuneIndicator : IndicatorCounters
{
    /// <summary>INSEE commune code.</summary>
    public required string CommuneCode { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReconciledAt { get; set; }
}

/// <summary>
/// What happened in a commune during one week (Monday, UTC), dated by the event's own date. For the two stocks
/// (people without a GP, waiting-list entries) the week holds the change; the history adds them up.
/// </summary>
public sealed class CommuneWeek : IndicatorCounters
{
    public required string CommuneCode { get; init; }

    public DateOnly WeekStart { get; init; }
}

/// <summary>A waiting-list entry as the events tell it, so the oldest wait is known whatever order they came in.</summary>
public sealed class WaitingEntry
{
    public Guid EntryId { get; init; }

    public required string CommuneCode { get; set; }

    public DateTimeOffset? EnrolledAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary>A completed mission (MissionCompleted): who worked where, for volunteers mobilised per commune and week.</summary>
public sealed class MissionCompletion
{
    public Guid MissionId { get; init; }

    /// <summary>Null when the event came without it (kept for reconciliation, counted nowhere).</summary>
    public string? CommuneCode { get; init; }

    public Guid SiteId { get; init; }

    public required string PractitionerRpps { get; init; }

    public required string Kind { get; init; }

    public DateOnly WeekStart { get; init; }

    public int DaysWorked { get; init; }
}

/// <summary>A site-week Missions announced uncovered (CoverageGapDetected), until it is filled.</summary>
public sealed class CoverageGap
{
    public Guid SiteId { get; init; }

    public DateOnly WeekStart { get; init; }

    public required string SiteName { get; set; }

    public required string CommuneCode { get; set; }

    public int Lines { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset? FilledAt { get; set; }
}

/// <summary>A site-year's funding as Funding last announced it (BudgetShortfallDetected; 0 = covered again).</summary>
public sealed class SiteFunding
{
    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public string? CommuneCode { get; set; }

    public decimal Costs { get; set; }

    public decimal Funding { get; set; }

    public decimal Shortfall { get; set; }

    public DateTimeOffset AnnouncedAt { get; set; }
}
