using Platform.Missions.Planning;

namespace Platform.UnitTests;

/// <summary>The coverage planner against brute force: its coverage is the true optimum, and so is its bound.</summary>
public class CoveragePlannerTests
{
    /// <summary>Every way to give each volunteer-week at most one open site-week, keeping the best coverage.</summary>
    private static int BruteForce(List<PlanSite> sites, List<PlanVolunteer> volunteers, int weeks)
    {
        var slots = new List<(int V, int W)>();
        for (var v = 0; v < volunteers.Count; v++)
        {
            for (var w = 0; w < weeks; w++)
            {
                if (volunteers[v].Available[w])
                {
                    slots.Add((v, w));
                }
            }
        }

        var best = 0;
        var used = new int[volunteers.Count];
        var covered = new HashSet<(int, int)>();

        void Search(int i)
        {
            best = Math.Max(best, covered.Count);
            if (i == slots.Count || covered.Count + (slots.Count - i) <= best)
            {
                return;
            }

            var (v, w) = slots[i];
            Search(i + 1); // this volunteer-week stays home
            if (used[v] >= volunteers[v].MaxRotations)
            {
                return;
            }

            for (var s = 0; s < sites.Count; s++)
            {
                if (sites[s].Open[w] && (volunteers[v].Communes is null || volunteers[v].Communes!.Contains(sites[s].CommuneCode)) && covered.Add((s, w)))
                {
                    used[v]++;
                    Search(i + 1);
                    used[v]--;
                    covered.Remove((s, w));
                }
            }
        }

        Search(0);
        return best;
    }

    private static (List<PlanSite>, List<PlanVolunteer>) Instance(Random random, int sites, int volunteers, int weeks)
    {
        string[] communes = ["53130", "53247", "53103"];
        var s = Enumerable.Range(0, sites).Select(_ => new PlanSite(communes[random.Next(communes.Length)], random.Next(0, 3),
            Enumerable.Range(0, weeks).Select(_ => random.NextDouble() < 0.7).ToArray())).ToList();
        var v = Enumerable.Range(0, volunteers).Select(_ => new PlanVolunteer(
            Enumerable.Range(0, weeks).Select(_ => random.NextDouble() < 0.5).ToArray(),
            random.Next(1, weeks + 1),
            random.NextDouble() < 0.4 ? new HashSet<string> { communes[random.Next(communes.Length)] } : null)).ToList();
        return (s, v);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Coverage_and_bound_equal_the_brute_force_optimum(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var (sites, volunteers) = Instance(random, random.Next(1, 4), random.Next(1, 5), random.Next(1, 4));
            var weeks = sites[0].Open.Length;
            var plan = CoveragePlanner.Solve(sites, volunteers, weeks);
            var optimum = BruteForce(sites, volunteers, weeks);

            Assert.Equal(optimum, plan.Bound);
            Assert.Equal(optimum, plan.Coverage);
            Assert.Equal(plan.OpenSiteWeeks - plan.Coverage, plan.Gaps.Count);
        }
    }

    [Fact]
    public void A_plan_keeps_every_rule()
    {
        var random = new Random(42);
        var (sites, volunteers) = Instance(random, 6, 8, 6);
        var plan = CoveragePlanner.Solve(sites, volunteers, 6);

        Assert.All(plan.Assignments, a =>
        {
            Assert.True(sites[a.Site].Open[a.Week]);
            Assert.True(volunteers[a.Volunteer].Available[a.Week]);
            Assert.True(volunteers[a.Volunteer].Communes is null || volunteers[a.Volunteer].Communes!.Contains(sites[a.Site].CommuneCode));
        });
        Assert.Equal(plan.Assignments.Count, plan.Assignments.Select(a => (a.Volunteer, a.Week)).Distinct().Count()); // never two places at once
        Assert.Equal(plan.Assignments.Count, plan.Assignments.Select(a => (a.Site, a.Week)).Distinct().Count()); // a site-week covered once
        Assert.All(plan.Assignments.GroupBy(a => a.Volunteer), g => Assert.True(g.Count() <= volunteers[g.Key].MaxRotations));
    }

    [Fact]
    public void A_red_zone_is_covered_before_another_site_and_the_gap_says_why()
    {
        // One volunteer, one week, two sites open: the urgent one gets them; the other's gap is explained.
        PlanSite calm = new("53130", 0, [true]), red = new("53247", 1000, [true]);
        var plan = CoveragePlanner.Solve([calm, red], [new PlanVolunteer([true], 1, null)], 1);

        Assert.Equal(1, Assert.Single(plan.Assignments).Site);
        var gap = Assert.Single(plan.Gaps);
        Assert.Equal(0, gap.Site);
        Assert.Contains("higher or equal priority", gap.Reason, StringComparison.Ordinal);

        var nobody = CoveragePlanner.Solve([calm], [new PlanVolunteer([false], 1, null)], 1);
        Assert.Equal("No volunteer is available that week.", Assert.Single(nobody.Gaps).Reason);
        var elsewhere = CoveragePlanner.Solve([calm], [new PlanVolunteer([true], 1, new HashSet<string> { "53247" })], 1);
        Assert.Contains("goes to commune 53130", Assert.Single(elsewhere.Gaps).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerouting_beats_the_greedy_baseline()
    {
        // Volunteer A can go to X or Y, B only to X. Greedy in priority order sends A to X and leaves Y open;
        // the planner reroutes A to Y and B to X.
        PlanSite x = new("53130", 2, [true]), y = new("53247", 1, [true]);
        PlanVolunteer a = new([true], 1, null), b = new([true], 1, new HashSet<string> { "53130" });

        Assert.Equal(1, CoveragePlanner.Greedy([x, y], [a, b], 1));
        Assert.Equal(2, CoveragePlanner.Solve([x, y], [a, b], 1).Coverage);
    }
}
