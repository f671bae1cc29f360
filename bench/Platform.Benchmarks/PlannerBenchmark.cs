using System.Diagnostics;
using Platform.Missions.Planning;

/// <summary>
/// The coverage planner on a national instance drawn from the official geography: 151 real intercommunalities (the
/// State's count of red zones; drawn by the seed) with a site in each of 3 of their communes, 26 fortnights, 5,000
/// volunteers who each can come in about one fortnight out of ten, at most 1 to 3 times, to their own intercommunality
/// or two others of its region. Prints the time, the coverage, the bound, and the greedy baseline on the same instance.
/// </summary>
internal static class PlannerBenchmark
{
    public static void Run(int seed)
    {
        const int Zones = 151, SitesPerZone = 3, Periods = 26, Volunteers = 5_000;
        var random = new Random(seed);
        var epcis = Platform.Geography.FranceGeography.Official.Epcis.ToArray();
        random.Shuffle(epcis);
        var zones = epcis.Take(Zones).ToArray();
        var sites = new List<PlanSite>();
        foreach (var zone in zones)
        {
            var waiting = random.Next(0, 2_000); // people on the zone's waiting lists: the priority
            for (var s = 0; s < SitesPerZone; s++)
            {
                sites.Add(new PlanSite(zone.Members[s % zone.Members.Count].Code, 1_000 + waiting + random.Next(0, 50),
                    Enumerable.Range(0, Periods).Select(_ => random.NextDouble() < 0.9).ToArray()));
            }
        }

        var byRegion = zones.GroupBy(z => z.Members[0].Region).ToDictionary(g => g.Key, g => g.ToArray());
        var volunteers = Enumerable.Range(0, Volunteers).Select(_ =>
        {
            var home = zones[random.Next(Zones)];
            var region = byRegion[home.Members[0].Region];
            var accepted = new[] { home, region[random.Next(region.Length)], region[random.Next(region.Length)] }
                .SelectMany(z => z.Members).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
            return new PlanVolunteer(Enumerable.Range(0, Periods).Select(_ => random.NextDouble() < 0.1).ToArray(), random.Next(1, 4), accepted);
        }).ToList();

        Console.WriteLine($"National instance (seed {seed}): {Zones} real intercommunalities ({zones.Sum(z => (long)z.Population):N0} inhabitants, {byRegion.Count} regions) × {SitesPerZone} sites, {Periods} fortnights, {Volunteers:N0} volunteers");
        CoveragePlanner.Solve(sites.Take(6).ToList(), volunteers.Take(20).ToList(), Periods); // JIT warm-up
        var clock = Stopwatch.StartNew();
        var plan = CoveragePlanner.Solve(sites, volunteers, Periods);
        var planned = clock.Elapsed;
        clock.Restart();
        var greedy = CoveragePlanner.Greedy(sites, volunteers, Periods);
        var greedyTime = clock.Elapsed;

        Console.WriteLine($"  open site-fortnights  {plan.OpenSiteWeeks,8:N0}");
        Console.WriteLine($"  planner               {plan.Coverage,8:N0} covered in {planned.TotalMilliseconds,8:N0} ms (goal < 2,000 ms)");
        Console.WriteLine($"  bound (max-flow)      {plan.Bound,8:N0} {(plan.Coverage == plan.Bound ? "= coverage: optimal" : "≠ coverage!")}");
        Console.WriteLine($"  greedy baseline       {greedy,8:N0} covered in {greedyTime.TotalMilliseconds,8:N0} ms");
        Console.WriteLine($"  planner ÷ greedy      {(double)plan.Coverage / greedy,8:F3}");
    }
}
