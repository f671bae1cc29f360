using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// Coordination's indicators over the real broker: redelivered and out-of-order events, every source of the
/// figures (patients, waiting lists, missions, gaps, funding), the weekly history and its CSV, communes outside the
/// territory.
/// </summary>
[Collection(nameof(PlatformHosts))]
public class IndicatorProjectionTests(PlatformHosts hosts)
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _coordination = PlatformHosts.ClientOf(hosts.Coordination);

    private Task<JsonElement> Commune(string code) => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators?commune={code}");

    private Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        hosts.Observer.Publish(message, ctx => ctx.MessageId = messageId ?? NewId.NextGuid());

    [Fact]
    public async Task Events_arriving_in_any_order_or_twice_give_the_same_figures()
    {
        var commune = PlatformHosts.UniqueCommune();
        var patient = Guid.NewGuid();
        var entry = Guid.NewGuid();
        var referent = new PatientAssignedReferent(patient, commune, "Practitioner", RppsNumbers.Valid(), null, true, Monday.AddDays(2));
        var left = new PatientLeftWaitingList(patient, entry, "territory:x", commune, "GivenDoctor", 2, Monday.AddDays(2));
        var registered = new PatientRegistered(patient, commune, 1950, Monday);
        var enrolled = new PatientEnrolled(patient, entry, "territory:x", commune, Monday);
        var id = NewId.NextGuid();

        // The outcome first, the causes after, and one of them delivered twice under the same MessageId.
        await Publish(referent);
        await Publish(left);
        await Publish(registered, id);
        await Publish(registered, id);
        await Publish(enrolled);

        var figures = await Eventually.UntilAsync(() => Commune(commune), c => c.GetProperty("registered").GetInt32() == 1 && c.GetProperty("givenAGp").GetInt32() == 1);
        await Eventually.UntilAsync(() => hosts.CoordinationDb.ScalarAsync<long>($"SELECT count(*) FROM waiting_entries WHERE entry_id = '{entry}' AND enrolled_at IS NOT NULL AND left_at IS NOT NULL"), n => n == 1);
        figures = await Commune(commune);
        Assert.Equal(0, figures.GetProperty("patientsWithoutGp").GetInt32());
        Assert.Equal(0, figures.GetProperty("waitingListEntries").GetInt32());
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("oldestWaitDays").ValueKind);
        Assert.Equal(1, figures.GetProperty("registered").GetInt32());
    }

    [Fact]
    public async Task The_oldest_wait_is_the_earliest_entry_still_waiting()
    {
        var commune = PlatformHosts.UniqueCommune();
        var now = DateTimeOffset.UtcNow;
        await Publish(new PatientEnrolled(Guid.NewGuid(), Guid.NewGuid(), "territory:x", commune, now.AddDays(-40)));
        await Publish(new PatientEnrolled(Guid.NewGuid(), Guid.NewGuid(), "territory:x", commune, now.AddDays(-10)));
        var first = Guid.NewGuid();
        await Publish(new PatientEnrolled(Guid.NewGuid(), first, "territory:x", commune, now.AddDays(-90)));
        await Publish(new PatientLeftWaitingList(Guid.NewGuid(), first, "territory:x", commune, "Moved", 90, now));

        var figures = await Eventually.UntilAsync(() => Commune(commune), c => c.GetProperty("waitingListEntries").GetInt32() == 2
            && c.GetProperty("oldestWaitDays").ValueKind == JsonValueKind.Number && c.GetProperty("oldestWaitDays").GetInt32() == 40);
        Assert.Equal(40, figures.GetProperty("oldestWaitDays").GetInt32());
    }

    [Fact]
    public async Task Missions_gaps_and_funding_reach_the_commune()
    {
        var commune = PlatformHosts.UniqueCommune();
        var site = Guid.NewGuid();
        var week = DateOnly.FromDateTime(Monday.UtcDateTime);
        string alice = RppsNumbers.Valid(), bob = RppsNumbers.Valid();
        await Publish(new MissionCompleted(Guid.NewGuid(), "WeeklyRotation", alice, site, week, week.AddDays(5), 6, Monday.AddDays(6), commune));
        await Publish(new MissionCompleted(Guid.NewGuid(), "SolidarityDays", alice, site, week.AddDays(14), week.AddDays(15), 2, Monday.AddDays(16), commune));
        await Publish(new MissionCompleted(Guid.NewGuid(), "WeeklyRotation", bob, site, week.AddDays(7), week.AddDays(12), 5, Monday.AddDays(13), commune));
        // A gap filled before its detection arrives nets to nothing; another stays open.
        await Publish(new CoverageGapFilled(site, commune, week.AddDays(21), Monday));
        await Publish(new CoverageGapDetected(site, "Centre test", commune, week.AddDays(21), 2, 0, Monday));
        await Publish(new CoverageGapDetected(site, "Centre test", commune, week.AddDays(28), 2, 0, Monday));
        var year = DateTime.UtcNow.Year;
        var newer = DateTimeOffset.UtcNow;
        await Publish(new BudgetShortfallDetected(site, year, 100_000m, 70_000m, 30_000m, newer, commune));
        await Publish(new BudgetShortfallDetected(site, year, 100_000m, 40_000m, 60_000m, newer.AddMinutes(-5), commune)); // older news: ignored

        var figures = await Eventually.UntilAsync(() => Commune(commune), c => c.GetProperty("missionsCompleted").GetInt32() == 3
            && c.GetProperty("fundingShortfall").GetDecimal() == 30_000m && c.GetProperty("siteWeeksUncovered").GetInt32() == 1);
        Assert.Equal(13, figures.GetProperty("daysWorked").GetInt32());
        Assert.Equal(2, figures.GetProperty("siteWeeksCovered").GetInt32());
        Assert.Equal(2, figures.GetProperty("volunteersMobilised").GetInt32());

        var gaps = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/coverage-gaps?open=true");
        var open = gaps.EnumerateArray().Where(g => g.GetProperty("communeCode").GetString() == commune).ToList();
        Assert.Equal(week.AddDays(28), DateOnly.Parse(Assert.Single(open).GetProperty("weekStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_history_adds_up_the_weeks_and_exports_as_csv()
    {
        var commune = PlatformHosts.UniqueCommune();
        var territory = await CoordinationSetup.TerritoryAsync(_coordination, commune);
        var weekOf = DateOnly.FromDateTime(Monday.UtcDateTime);
        for (var i = 0; i < 3; i++)
        {
            await Publish(new PatientRegistered(Guid.NewGuid(), commune, 1960, Monday.AddDays(i)));
        }

        var given = Guid.NewGuid();
        await Publish(new PatientRegistered(given, commune, 1960, Monday.AddDays(7)));
        await Publish(new PatientAssignedReferent(given, commune, "Practitioner", RppsNumbers.Valid(), null, true, Monday.AddDays(15)));
        await Publish(new ConsultationRecorded(Guid.NewGuid(), given, commune, Guid.NewGuid(), RppsNumbers.Valid(), "Scheduled", weekOf.AddDays(15)));
        await Eventually.UntilAsync(() => Commune(commune), c => c.GetProperty("givenAGp").GetInt32() == 1 && c.GetProperty("registered").GetInt32() == 4
            && c.GetProperty("consultations").GetInt32() == 1);

        var history = await _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/indicators/history?territory={territory}&weeks=4&to={weekOf.AddDays(21):yyyy-MM-dd}");
        var weeks = history.EnumerateArray().ToList();
        Assert.Equal(4, weeks.Count);
        Assert.Equal([3, 4, 3, 3], weeks.Select(w => w.GetProperty("patientsWithoutGp").GetInt32()));
        Assert.Equal([3, 1, 0, 0], weeks.Select(w => w.GetProperty("registered").GetInt32()));
        Assert.Equal([0, 0, 1, 0], weeks.Select(w => w.GetProperty("givenAGp").GetInt32()));
        Assert.Equal([0, 0, 1, 0], weeks.Select(w => w.GetProperty("consultations").GetInt32()));

        var csv = await _coordination.GetAsync($"/api/coordination/indicators/history.csv?commune={commune}&weeks=4&to={weekOf.AddDays(21):yyyy-MM-dd}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("week_start;patients_without_gp;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{weekOf.AddDays(7):yyyy-MM-dd};4;0;1;0;", lines[2], StringComparison.Ordinal);

        var neither = await _coordination.GetAsync("/api/coordination/indicators/history?weeks=4");
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task An_event_about_a_commune_outside_every_territory_is_kept_not_dropped()
    {
        var inside = PlatformHosts.UniqueCommune();
        var outside = PlatformHosts.UniqueCommune();
        var territory = await CoordinationSetup.TerritoryAsync(_coordination, inside);
        await Publish(new PatientRegistered(Guid.NewGuid(), outside, 1970, DateTimeOffset.UtcNow));
        await Publish(new PatientRegistered(Guid.NewGuid(), inside, 1970, DateTimeOffset.UtcNow));

        var view = await Eventually.UntilAsync(() => _coordination.GetFromJsonAsync<JsonElement>($"/api/coordination/territories/{territory}/indicators"),
            t => t.GetProperty("totals").GetProperty("patientsWithoutGp").GetInt32() == 1
                 && t.GetProperty("outsideTerritory").EnumerateArray().Any(c => c.GetProperty("communeCode").GetString() == outside));
        var kept = view.GetProperty("outsideTerritory").EnumerateArray().Single(c => c.GetProperty("communeCode").GetString() == outside);
        Assert.False(kept.GetProperty("inTerritory").GetBoolean());
        Assert.Equal(1, kept.GetProperty("patientsWithoutGp").GetInt32());
        var mine = Assert.Single(view.GetProperty("communes").EnumerateArray());
        Assert.Equal($"Commune {inside}", mine.GetProperty("name").GetString());
        Assert.Equal(0.5m, mine.GetProperty("withoutGpPer1000").GetDecimal());
    }
}
