using System.Diagnostics;
using System.Globalization;
using Platform.Geography;

/// <summary>
/// The official geography's cost to a process: the first use (read, parse, index, with its JIT: what a service pays at
/// start), the memory it keeps, a warm reload, and look-ups, each against a baseline measured in the same run (reading
/// the same lines into strings; a HashSet of the same codes).
/// </summary>
internal static class GeographyBenchmark
{
    public static void Run(int lookups)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cold = Stopwatch.StartNew();
        var france = FranceGeography.Official;
        cold.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Baseline: only reading the embedded file's lines into strings.
        var raw = Stopwatch.StartNew();
        var lines = new List<string>();
        using (var stream = typeof(FranceGeography).Assembly.GetManifestResourceStream("Platform.Geography.geography.tsv")!)
        using (var reader = new StreamReader(stream))
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        raw.Stop();
        var warm = Stopwatch.StartNew();
        var reloaded = FranceGeography.Load(new StringReader(string.Join('\n', lines)));
        warm.Stop();
        GC.KeepAlive(reloaded);

        // Look-ups: current communes, former ones and unknown codes, as partners send them.
        var random = new Random(2026);
        var codes = Enumerable.Range(0, 4096).Select(_ => random.Next(10) switch
        {
            0 => france.Communes[random.Next(france.Communes.Count)].FormerCodes is [var former, ..] ? former : "53999",
            1 => $"{random.Next(1, 96):00}{random.Next(1, 1000):000}",
            _ => france.Communes[random.Next(france.Communes.Count)].Code,
        }).ToArray();
        var set = france.Communes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var found = 0;
        var baseline = Stopwatch.StartNew();
        for (var i = 0; i < lookups; i++)
        {
            found += set.Contains(codes[i & 4095]) ? 1 : 0;
        }

        baseline.Stop();
        var checks = Stopwatch.StartNew();
        for (var i = 0; i < lookups; i++)
        {
            found += france.Check(codes[i & 4095]).IsCurrent ? 1 : 0;
        }

        checks.Stop();
        var search = Stopwatch.StartNew();
        var searches = 0;
        foreach (var prefix in new[] { "saint", "la", "mont", "laval", "le ", "b", "sainte m", "villeneuve" })
        {
            searches += france.Search(prefix).Take(50).Count();
        }

        search.Stop();
        string Ms(Stopwatch s) => s.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        string Ns(Stopwatch s) => (s.Elapsed.TotalMilliseconds * 1e6 / lookups).ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"official geography: {france.Communes.Count:N0} communes, {france.Epcis.Count:N0} EPCIs; {lookups:N0} look-ups of each kind, {found:N0} current codes found in all");
        Console.WriteLine($"  first use (read, parse, index, JIT): {Ms(cold)} ms; warm reload {Ms(warm)} ms; reading the lines alone {Ms(raw)} ms");
        Console.WriteLine($"  managed memory kept: {retained / 1e6:F1} MB (goal: at most 30 MB)");
        Console.WriteLine($"  check of a code: {Ns(checks)} ns; HashSet.Contains of the same codes {Ns(baseline)} ns; ratio check ÷ contains: {checks.Elapsed / baseline.Elapsed:F2}");
        Console.WriteLine($"  8 name searches (50 results each at most, {searches} in all): {Ms(search)} ms");
        Console.WriteLine($"ratio first use ÷ reading the lines: {cold.Elapsed / raw.Elapsed:F2}");
    }
}
