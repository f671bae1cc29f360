namespace Platform.Missions.Planning;

/// <summary>
/// Plans weekly rotations to cover as many open site-weeks as possible, the most urgent first.
/// <para>
/// Flow network: source → volunteer (capacity: their maximum rotations) → volunteer-week (1: never in two places at
/// once) → site-week (1, when the volunteer is available that week and accepts the site's commune) → sink (1: a
/// site-week is covered once). The maximum flow is the most site-weeks any plan can cover (<see cref="Plan.Bound"/>,
/// computed independently with Dinic's algorithm).
/// </para>
/// <para>
/// The proposal takes site-weeks by decreasing priority (red zones, long waiting lists) and keeps one whenever an
/// augmenting path reaches it, rerouting earlier assignments if needed. The site-weeks a flow can cover form a
/// matroid (a gammoid), so this greedy order yields a maximum flow that is also the best by priority: its coverage
/// always equals the bound. Tests check both against brute force on small instances.
/// </para>
/// </summary>
public static class CoveragePlanner
{
    public static Plan Solve(IReadOnlyList<PlanSite> sites, IReadOnlyList<PlanVolunteer> volunteers, int weeks)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(volunteers);
        var network = Network.Build(sites, volunteers, weeks);
        var bound = network.Copy().MaxFlow();

        var order = network.SiteWeeks.Select((sw, i) => (sw, i))
            .OrderByDescending(x => sites[x.sw.Site].Priority).ThenBy(x => x.sw.Week).ThenBy(x => x.sw.Site).Select(x => x.i);
        foreach (var i in order)
        {
            network.TryCover(i);
        }

        var assignments = network.Assignments().ToList();
        var covered = assignments.Select(a => (a.Site, a.Week)).ToHashSet();
        var gaps = network.SiteWeeks.Where(sw => !covered.Contains((sw.Site, sw.Week)))
            .Select(sw => new Gap(sw.Site, sw.Week, Explain(sites[sw.Site], sw.Week, volunteers)))
            .ToList();
        return new Plan(assignments, covered.Count, bound, network.SiteWeeks.Count, gaps);
    }

    /// <summary>A baseline for the benchmark: each site-week in priority order takes the first free volunteer, never rerouting.</summary>
    public static int Greedy(IReadOnlyList<PlanSite> sites, IReadOnlyList<PlanVolunteer> volunteers, int weeks)
    {
        var used = new int[volunteers.Count];
        var busy = new HashSet<(int, int)>();
        var covered = 0;
        foreach (var (site, s) in sites.Select((site, s) => (site, s)).OrderByDescending(x => x.site.Priority))
        {
            for (var w = 0; w < weeks; w++)
            {
                if (!site.Open[w])
                {
                    continue;
                }

                for (var v = 0; v < volunteers.Count; v++)
                {
                    var volunteer = volunteers[v];
                    if (volunteer.Available[w] && used[v] < volunteer.MaxRotations && !busy.Contains((v, w)) && Accepts(volunteer, site))
                    {
                        used[v]++;
                        busy.Add((v, w));
                        covered++;
                        break;
                    }
                }
            }
        }

        return covered;
    }

    private static bool Accepts(PlanVolunteer volunteer, PlanSite site) => volunteer.Communes is null || volunteer.Communes.Contains(site.CommuneCode);

    private static string Explain(PlanSite site, int week, IReadOnlyList<PlanVolunteer> volunteers)
    {
        var available = volunteers.Where(v => v.Available[week] && v.MaxRotations > 0).ToList();
        if (available.Count == 0)
        {
            return "No volunteer is available that week.";
        }

        return !available.Any(v => Accepts(v, site))
            ? $"No volunteer available that week goes to commune {site.CommuneCode}."
            : "Every volunteer who could come that week is needed for a site-week of higher or equal priority, or has reached their maximum of rotations.";
    }

    /// <summary>The flow network, as flat arrays (edge i and i ^ 1 are each other's reverse).</summary>
    private sealed class Network
    {
        private const int Source = 0, Sink = 1;
        private int[] _head = [];
        private readonly List<int> _to = [], _next = [], _cap = [];
        private int _nodes;

        public List<(int Site, int Week, int Node)> SiteWeeks { get; } = [];

        private readonly List<(int Volunteer, int Week, int Node)> _volunteerWeeks = [];
        private readonly List<int> _sinkEdge = [];
        private readonly List<int> _assignmentEdges = [];
        private readonly List<(int Volunteer, int Site, int Week)> _assignmentOf = [];

        public static Network Build(IReadOnlyList<PlanSite> sites, IReadOnlyList<PlanVolunteer> volunteers, int weeks)
        {
            var n = new Network { _nodes = 2 + volunteers.Count };
            var siteWeekNode = new Dictionary<(int, int), int>();
            for (var s = 0; s < sites.Count; s++)
            {
                for (var w = 0; w < weeks; w++)
                {
                    if (sites[s].Open[w])
                    {
                        var node = n._nodes++;
                        siteWeekNode[(s, w)] = node;
                        n.SiteWeeks.Add((s, w, node));
                    }
                }
            }

            var openByWeek = Enumerable.Range(0, weeks).Select(w => n.SiteWeeks.Where(sw => sw.Week == w).ToList()).ToArray();
            n._head = new int[n._nodes + volunteers.Count * weeks];
            Array.Fill(n._head, -1);
            for (var v = 0; v < volunteers.Count; v++)
            {
                var volunteer = volunteers[v];
                n.AddEdge(Source, 2 + v, Math.Max(0, volunteer.MaxRotations));
                for (var w = 0; w < weeks; w++)
                {
                    if (!volunteer.Available[w])
                    {
                        continue;
                    }

                    var targets = openByWeek[w].Where(sw => Accepts(volunteer, sites[sw.Site])).ToList();
                    if (targets.Count == 0)
                    {
                        continue;
                    }

                    var node = n._nodes++;
                    n._volunteerWeeks.Add((v, w, node));
                    n.AddEdge(2 + v, node, 1);
                    foreach (var sw in targets)
                    {
                        n._assignmentEdges.Add(n.AddEdge(node, sw.Node, 1));
                        n._assignmentOf.Add((v, sw.Site, w));
                    }
                }
            }

            foreach (var sw in n.SiteWeeks)
            {
                n._sinkEdge.Add(n.AddEdge(sw.Node, Sink, 0)); // opened when the greedy reaches this site-week
            }

            return n;
        }

        private int AddEdge(int from, int to, int capacity)
        {
            var id = _to.Count;
            _to.Add(to); _cap.Add(capacity); _next.Add(_head[from]); _head[from] = id;
            _to.Add(from); _cap.Add(0); _next.Add(_head[to]); _head[to] = id + 1;
            return id;
        }

        public Network Copy()
        {
            var copy = new Network { _head = (int[])_head.Clone(), _nodes = _nodes };
            copy._to.AddRange(_to); copy._next.AddRange(_next); copy._cap.AddRange(_cap);
            foreach (var e in _sinkEdge)
            {
                copy._cap[e] = 1; // every site-week open at once: the maximum flow
            }

            return copy;
        }

        /// <summary>Dinic's algorithm.</summary>
        public int MaxFlow()
        {
            var flow = 0;
            var level = new int[_head.Length];
            var iterator = new int[_head.Length];
            var queue = new int[_head.Length];
            while (true)
            {
                Array.Fill(level, -1);
                level[Source] = 0;
                int qh = 0, qt = 0;
                queue[qt++] = Source;
                while (qh < qt)
                {
                    var u = queue[qh++];
                    for (var e = _head[u]; e != -1; e = _next[e])
                    {
                        if (_cap[e] > 0 && level[_to[e]] < 0)
                        {
                            level[_to[e]] = level[u] + 1;
                            queue[qt++] = _to[e];
                        }
                    }
                }

                if (level[Sink] < 0)
                {
                    return flow;
                }

                Array.Copy(_head, iterator, _head.Length);
                int pushed;
                while ((pushed = Push(Source, int.MaxValue, level, iterator)) > 0)
                {
                    flow += pushed;
                }
            }
        }

        private int Push(int u, int limit, int[] level, int[] iterator)
        {
            if (u == Sink)
            {
                return limit;
            }

            for (; iterator[u] != -1; iterator[u] = _next[iterator[u]])
            {
                var e = iterator[u];
                var v = _to[e];
                if (_cap[e] > 0 && level[v] == level[u] + 1)
                {
                    var pushed = Push(v, Math.Min(limit, _cap[e]), level, iterator);
                    if (pushed > 0)
                    {
                        _cap[e] -= pushed;
                        _cap[e ^ 1] += pushed;
                        return pushed;
                    }
                }
            }

            return 0;
        }

        private int[] _seen = [], _via = [], _queue = [], _sourceEdge = [];
        private bool[] _dead = [];
        private int _stamp;

        /// <summary>
        /// Opens one site-week to the sink and covers it if an augmenting path reaches it. The search runs backwards from
        /// the site-week (through edges with residual capacity into each node) and stops at the first volunteer with
        /// rotations left, which in practice is a few steps away. A failed search marks what it saw as dead for good.
        /// </summary>
        public bool TryCover(int siteWeek)
        {
            if (_seen.Length != _head.Length)
            {
                _seen = new int[_head.Length];
                _via = new int[_head.Length];
                _queue = new int[_head.Length];
                _sourceEdge = new int[_head.Length];
                _dead = new bool[_head.Length];
                Array.Fill(_sourceEdge, -1);
                for (var e = _head[Source]; e != -1; e = _next[e])
                {
                    _sourceEdge[_to[e]] = e;
                }
            }

            var target = SiteWeeks[siteWeek].Node;
            _stamp++;
            _seen[target] = _stamp;
            _via[target] = -1;
            int qh = 0, qt = 0;
            _queue[qt++] = target;
            var start = -1;
            while (qh < qt && start < 0)
            {
                var u = _queue[qh++];
                for (var f = _head[u]; f != -1; f = _next[f])
                {
                    var e = f ^ 1; // the edge from _to[f] into u
                    var from = _to[f];
                    if (_cap[e] <= 0 || from == Sink || from == Source || _seen[from] == _stamp || _dead[from])
                    {
                        continue;
                    }

                    _seen[from] = _stamp;
                    _via[from] = e; // from → (towards the target)
                    if (_sourceEdge[from] >= 0 && _cap[_sourceEdge[from]] > 0)
                    {
                        start = from;
                        break;
                    }

                    _queue[qt++] = from;
                }
            }

            if (start < 0)
            {
                // Nothing this search reached can be reached from the source, and augmenting elsewhere only ever
                // shrinks what the source reaches: these nodes are out of every later search too.
                for (var i = 0; i < qt; i++)
                {
                    _dead[_queue[i]] = true;
                }

                return false;
            }

            _cap[_sourceEdge[start]] -= 1;
            _cap[_sourceEdge[start] ^ 1] += 1;
            for (var v = start; v != target; v = _to[_via[v]])
            {
                _cap[_via[v]] -= 1;
                _cap[_via[v] ^ 1] += 1;
            }

            var sink = _sinkEdge[siteWeek];
            _cap[sink ^ 1] += 1; // the site-week → sink edge carries its unit of flow
            return true;
        }

        public IEnumerable<Assignment> Assignments()
        {
            for (var i = 0; i < _assignmentEdges.Count; i++)
            {
                if (_cap[_assignmentEdges[i]] == 0)
                {
                    var (v, s, w) = _assignmentOf[i];
                    yield return new Assignment(v, s, w);
                }
            }
        }
    }
}
