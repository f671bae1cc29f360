using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;

namespace Platform.Coordination.Indicators;

/// <summary>
/// The territorial indicators as gauges (meter <c>Platform.Territory</c>), per department, sampled every minute from
/// the indicators this service keeps: people without a GP, waiting-list entries, people given a GP, consultations,
/// missions completed and days worked, plus the zones classified red and the sites' uncovered weeks. Aggregates only
/// (a department is the finest grain): the territory dashboard reads them, nothing identifies anyone.
/// </summary>
public sealed partial class TerritoryMetrics : BackgroundService
{
    public const string MeterName = "Platform.Territory";
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>The kinds of zone classified (each reported, 0 until one is).</summary>
    private static readonly string[] ZoneKinds = ["Commune", "Intercommunality"];

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TerritoryMetrics> _logger;
    private IReadOnlyList<DepartmentFigures> _departments = [];
    private IReadOnlyList<(string Kind, int Red, int Classified)> _zones = [];

    public TerritoryMetrics(IServiceScopeFactory scopes, IMeterFactory meters, PlatformInstance instance, ILogger<TerritoryMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(instance);
        _scopes = scopes;
        _logger = logger;
        var meter = meters.Create(instance.Meter(MeterName));
        Gauge(meter, "platform.territory.patients_without_gp", "People without a referring GP, by department.", d => d.PatientsWithoutGp);
        Gauge(meter, "platform.territory.waiting_list_entries", "Entries on the waiting lists, by department.", d => d.WaitingListEntries);
        Gauge(meter, "platform.territory.given_a_gp", "People who found a referring GP through the platform, by department.", d => d.GivenAGp);
        Gauge(meter, "platform.territory.consultations", "Consultations recorded, by department.", d => d.Consultations);
        Gauge(meter, "platform.territory.missions_completed", "Missions completed by volunteer practitioners, by department.", d => d.MissionsCompleted);
        Gauge(meter, "platform.territory.days_worked", "Days worked on missions, by department.", d => d.DaysWorked);
        Gauge(meter, "platform.territory.site_weeks_uncovered", "Site-weeks left without a practitioner, by department.", d => d.SiteWeeksUncovered);
        meter.CreateObservableGauge("platform.territory.red_zones",
            () => _zones.Select(z => new Measurement<int>(z.Red, new KeyValuePair<string, object?>("kind", z.Kind))),
            "{zone}", "Zones classified red (a medical desert under the State's criteria), by kind of zone.");
        meter.CreateObservableGauge("platform.territory.zones_classified",
            () => _zones.Select(z => new Measurement<int>(z.Classified, new KeyValuePair<string, object?>("kind", z.Kind))),
            "{zone}", "Zones classified, red or not, by kind of zone.");
    }

    private void Gauge(Meter meter, string name, string description, Func<DepartmentFigures, int> figure) =>
        meter.CreateObservableGauge(name, () => _departments.Select(d => new Measurement<int>(figure(d), new KeyValuePair<string, object?>("department", d.Department))),
            "{person}", description);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreadable(_logger, ex.GetType().Name); // the database is down: readiness says so already
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoordinationDbContext>();
        // A department is the commune code's first two characters, three overseas (971 to 974, 976).
        _departments = await db.Database.SqlQuery<DepartmentFigures>($"""
            SELECT CASE WHEN commune_code LIKE '97%' THEN left(commune_code, 3) ELSE left(commune_code, 2) END AS department,
                   sum(patients_without_gp)::int AS patients_without_gp, sum(waiting_list_entries)::int AS waiting_list_entries,
                   sum(given_a_gp)::int AS given_a_gp, sum(consultations)::int AS consultations,
                   sum(missions_completed)::int AS missions_completed, sum(days_worked)::int AS days_worked,
                   sum(site_weeks_uncovered)::int AS site_weeks_uncovered
            FROM commune_indicators GROUP BY 1
            """).ToListAsync(cancellationToken);
        var zones = await db.Zones.GroupBy(z => z.Kind).Select(g => new { g.Key, Red = g.Count(z => z.IsRedZone), Classified = g.Count() }).ToListAsync(cancellationToken);
        _zones = ZoneKinds.Select(kind => zones.FirstOrDefault(z => z.Key == kind) is { } z ? (kind, z.Red, z.Classified) : (kind, 0, 0)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Territory metrics not sampled this time ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string error);
}
